import { applyCommand, createEditorState, resetDefinition, type Command, type EditorState } from '../commands/editorState';
import { runRegistered, type RegisteredCommand } from '../commands/registry';
import type { Definition } from '../definition/types';

export type EditorAction =
  { type: 'command'; command: Command } | { type: 'registered'; command: RegisteredCommand } | { type: 'reset'; definition: Definition };

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'command':
      return applyCommand(state, action.command);
    case 'registered':
      return runRegistered({ state, command: action.command });
    case 'reset':
      return resetDefinition(state, action.definition);
  }
}

export { createEditorState };
