import type { StateClipboard } from '../definition/clipboard';
import type { Definition } from '../definition/types';

export interface Selection {
  states: string[];
  transitions: string[];
}

export const EMPTY_SELECTION: Selection = { states: [], transitions: [] };

/** What a command sees and returns: the definition, what is selected, what is copied. */
export interface EditorSnapshot {
  definition: Definition;
  selection: Selection;
  clipboard: StateClipboard | null;
  pasteCount: number;
}

interface HistoryEntry {
  definition: Definition;
  selection: Selection;
}

export interface EditorState extends EditorSnapshot {
  past: HistoryEntry[];
  future: HistoryEntry[];
  lastCoalesceKey: string | null;
  /** Increments on every change of the definition (autosave watches it). */
  changeCount: number;
}

export interface Command {
  id: string;
  undoable: boolean;
  /** Consecutive commands with the same key (typing in one field) make one undo step. */
  coalesceKey?: string;
  /**
   * False for what only arranges the view of an unchanged workflow (positions laid out when a
   * chart without any opens): shown, not undoable, and not a change to autosave — the positions
   * are saved with the next real edit.
   */
  countsAsChange?: false;
  perform: (snapshot: EditorSnapshot) => EditorSnapshot;
}

const HISTORY_LIMIT = 200;

export function createEditorState(definition: Definition): EditorState {
  return {
    definition,
    selection: EMPTY_SELECTION,
    clipboard: null,
    pasteCount: 0,
    past: [],
    future: [],
    lastCoalesceKey: null,
    changeCount: 0,
  };
}

/** Applies one command; undoable ones that change the definition push a history entry. */
export function applyCommand(state: EditorState, command: Command): EditorState {
  const result = command.perform(state);
  const changed = result.definition !== state.definition;
  if (!changed) return { ...state, selection: result.selection, clipboard: result.clipboard, pasteCount: result.pasteCount };
  if (command.countsAsChange === false) return { ...state, ...result, lastCoalesceKey: null };
  if (!command.undoable) {
    return { ...state, ...result, changeCount: state.changeCount + 1, lastCoalesceKey: null };
  }
  const coalesce = command.coalesceKey !== undefined && command.coalesceKey === state.lastCoalesceKey;
  const past = coalesce ? state.past : [...state.past, { definition: state.definition, selection: state.selection }].slice(-HISTORY_LIMIT);
  return {
    ...state,
    ...result,
    past,
    future: [],
    lastCoalesceKey: command.coalesceKey ?? null,
    changeCount: state.changeCount + 1,
  };
}

export function undo(state: EditorState): EditorState {
  const previous = state.past.at(-1);
  if (!previous) return state;
  return {
    ...state,
    definition: previous.definition,
    selection: previous.selection,
    past: state.past.slice(0, -1),
    future: [{ definition: state.definition, selection: state.selection }, ...state.future],
    lastCoalesceKey: null,
    changeCount: state.changeCount + 1,
  };
}

export function redo(state: EditorState): EditorState {
  const next = state.future[0];
  if (!next) return state;
  return {
    ...state,
    definition: next.definition,
    selection: next.selection,
    past: [...state.past, { definition: state.definition, selection: state.selection }],
    future: state.future.slice(1),
    lastCoalesceKey: null,
    changeCount: state.changeCount + 1,
  };
}

/** Replaces the definition from outside (a reload after a conflict): history starts again. */
export function resetDefinition(state: EditorState, definition: Definition): EditorState {
  return { ...createEditorState(definition), clipboard: state.clipboard };
}
