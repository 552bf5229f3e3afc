import { createContext, useContext, type RefObject } from 'react';
import type { Command, EditorState } from '../commands/editorState';
import type { RegisteredCommand, ViewEnvironment } from '../commands/registry';
import type { Definition } from '../definition/types';

export type EditorTab = 'canvas' | 'forms' | 'parameters' | 'simulator' | 'versions' | 'json';

/** Where the simulator stands, drawn over the canvas. */
export interface SimulationOverlay {
  activeStates: string[];
  takenTransitions: string[];
}

export interface FormFocus {
  form: string;
  field: string | null;
}

export interface EditorValue {
  state: EditorState;
  perform: (command: Command) => void;
  run: (command: RegisteredCommand) => void;
  reset: (definition: Definition) => void;
  viewRef: RefObject<ViewEnvironment | null>;
  tab: EditorTab;
  setTab: (tab: EditorTab) => void;
  overlay: SimulationOverlay | null;
  setOverlay: (overlay: SimulationOverlay | null) => void;
  formFocus: FormFocus | null;
  setFormFocus: (focus: FormFocus | null) => void;
}

export const EditorContext = createContext<EditorValue | null>(null);

export function useEditor(): EditorValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error('useEditor outside an editor');
  return value;
}
