import { useCallback, useMemo, useReducer, useRef, useState, type ReactNode } from 'react';
import type { Command } from '../commands/editorState';
import type { RegisteredCommand, ViewEnvironment } from '../commands/registry';
import type { Definition } from '../definition/types';
import { EditorContext, type EditorTab, type FormFocus, type SimulationOverlay } from './EditorContext';
import { createEditorState, editorReducer } from './editorReducer';

/** Holds one definition under edit with its undo history; every change goes through a command. */
export function EditorProvider(props: { definition: Definition; children: ReactNode }) {
  const [state, dispatch] = useReducer(editorReducer, props.definition, createEditorState);
  const viewRef = useRef<ViewEnvironment | null>(null);
  const [tab, setTab] = useState<EditorTab>('canvas');
  const [overlay, setOverlay] = useState<SimulationOverlay | null>(null);
  const [formFocus, setFormFocus] = useState<FormFocus | null>(null);
  const perform = useCallback((command: Command) => dispatch({ type: 'command', command }), []);
  const run = useCallback((command: RegisteredCommand) => {
    if (command.kind === 'view') {
      if (viewRef.current) command.run(viewRef.current);
      return;
    }
    dispatch({ type: 'registered', command });
  }, []);
  const reset = useCallback((definition: Definition) => dispatch({ type: 'reset', definition }), []);
  const value = useMemo(
    () => ({ state, perform, run, reset, viewRef, tab, setTab, overlay, setOverlay, formFocus, setFormFocus }),
    [state, perform, run, reset, tab, overlay, formFocus],
  );
  return <EditorContext.Provider value={value}>{props.children}</EditorContext.Provider>;
}
