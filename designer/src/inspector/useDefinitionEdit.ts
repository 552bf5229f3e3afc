import { useCallback } from 'react';
import { editDefinition } from '../commands/editCommands';
import type { Definition } from '../definition/types';
import { useEditor } from '../editor/EditorContext';

/** Sends one inspector edit as an undoable command; the same coalesce key merges keystrokes. */
export function useDefinitionEdit(): (coalesceKey: string, edit: (definition: Definition) => Definition) => void {
  const { perform } = useEditor();
  return useCallback((coalesceKey, edit) => perform(editDefinition({ id: 'inspector', coalesceKey, edit })), [perform]);
}
