import type { MessageKey } from '../i18n/messages-zh-CN';
import { addStateCommand, copySelection, deleteSelection, makeSelectedInitial, pasteClipboard, selectAll } from './editCommands';
import { applyCommand, redo, undo, type EditorSnapshot, type EditorState } from './editorState';

/** A key chord: `mod` is Ctrl on Windows/Linux and ⌘ on macOS. */
export interface Shortcut {
  key: string;
  mod?: boolean;
  shift?: boolean;
}

/** What the canvas offers to view commands (they change the view, never the definition). */
export interface ViewEnvironment {
  fitView: () => void;
  /** Where a chart opens (today: all of it). */
  showStart: () => void;
  autoLayout: () => void;
}

interface BaseEntry {
  id: string;
  label: MessageKey;
  shortcuts?: Shortcut[];
  icon?: string;
}

export type RegisteredCommand =
  | (BaseEntry & {
      kind: 'edit';
      undoable: boolean;
      perform: (snapshot: EditorSnapshot) => EditorSnapshot;
      enabled: (state: EditorState) => boolean;
    })
  | (BaseEntry & { kind: 'history'; direction: 'undo' | 'redo'; enabled: (state: EditorState) => boolean })
  | (BaseEntry & { kind: 'view'; run: (environment: ViewEnvironment) => void });

const hasSelection = (state: EditorState) => state.selection.states.length + state.selection.transitions.length > 0;

/**
 * The one list of editor commands: the toolbar, the context menu and keyboard shortcuts all read
 * it, and every edit it holds goes through the same undo history.
 */
export const commandRegistry: readonly RegisteredCommand[] = [
  {
    kind: 'history',
    id: 'undo',
    label: 'cmd.undo',
    icon: 'undo',
    direction: 'undo',
    shortcuts: [{ key: 'z', mod: true }],
    enabled: (state) => state.past.length > 0,
  },
  {
    kind: 'history',
    id: 'redo',
    label: 'cmd.redo',
    icon: 'redo',
    direction: 'redo',
    shortcuts: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', mod: true },
    ],
    enabled: (state) => state.future.length > 0,
  },
  {
    kind: 'edit',
    id: 'addState',
    label: 'cmd.addState',
    icon: 'add',
    undoable: true,
    shortcuts: [{ key: 'n' }],
    perform: addStateCommand({ kind: 'atomic' }).perform,
    enabled: () => true,
  },
  {
    kind: 'edit',
    id: 'addFinalState',
    label: 'cmd.addFinalState',
    icon: 'final',
    undoable: true,
    perform: addStateCommand({ kind: 'final' }).perform,
    enabled: () => true,
  },
  {
    kind: 'edit',
    id: 'addCompoundState',
    label: 'cmd.addCompoundState',
    icon: 'compound',
    undoable: true,
    perform: addStateCommand({ kind: 'compound' }).perform,
    enabled: () => true,
  },
  {
    kind: 'edit',
    id: 'addParallelState',
    label: 'cmd.addParallelState',
    icon: 'parallel',
    undoable: true,
    perform: addStateCommand({ kind: 'parallel' }).perform,
    enabled: () => true,
  },
  {
    kind: 'edit',
    id: 'setInitial',
    label: 'cmd.setInitial',
    icon: 'initial',
    undoable: true,
    perform: makeSelectedInitial,
    enabled: (state) => state.selection.states.length === 1,
  },
  {
    kind: 'edit',
    id: 'deleteSelection',
    label: 'cmd.deleteSelection',
    icon: 'delete',
    undoable: true,
    shortcuts: [{ key: 'Delete' }, { key: 'Backspace' }],
    perform: deleteSelection,
    enabled: hasSelection,
  },
  {
    kind: 'edit',
    id: 'copy',
    label: 'cmd.copy',
    icon: 'copy',
    undoable: false,
    shortcuts: [{ key: 'c', mod: true }],
    perform: copySelection,
    enabled: (state) => state.selection.states.length > 0,
  },
  {
    kind: 'edit',
    id: 'paste',
    label: 'cmd.paste',
    icon: 'paste',
    undoable: true,
    shortcuts: [{ key: 'v', mod: true }],
    perform: pasteClipboard,
    enabled: (state) => state.clipboard !== null,
  },
  {
    kind: 'edit',
    id: 'selectAll',
    label: 'cmd.selectAll',
    icon: 'selectAll',
    undoable: false,
    shortcuts: [{ key: 'a', mod: true }],
    perform: selectAll,
    enabled: () => true,
  },
  {
    kind: 'view',
    id: 'autoLayout',
    label: 'cmd.autoLayout',
    icon: 'layout',
    shortcuts: [{ key: 'l', mod: true, shift: true }],
    run: (environment) => environment.autoLayout(),
  },
  {
    kind: 'view',
    id: 'fitView',
    label: 'cmd.fitView',
    icon: 'fit',
    shortcuts: [{ key: 'f', shift: true }],
    run: (environment) => environment.fitView(),
  },
];

export function findCommand(id: string): RegisteredCommand | undefined {
  return commandRegistry.find((command) => command.id === id);
}

export function matchesShortcut(
  event: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean },
  shortcut: Shortcut,
): boolean {
  const mod = event.ctrlKey || event.metaKey;
  return (
    event.key.toLowerCase() === shortcut.key.toLowerCase() &&
    mod === (shortcut.mod ?? false) &&
    event.shiftKey === (shortcut.shift ?? false) &&
    !event.altKey
  );
}

export function shortcutText(shortcut: Shortcut): string {
  return [shortcut.mod ? 'Ctrl' : '', shortcut.shift ? 'Shift' : '', shortcut.key.length === 1 ? shortcut.key.toUpperCase() : shortcut.key]
    .filter(Boolean)
    .join('+');
}

/** Runs a registry entry against the editor state; view entries go to the canvas instead. */
export function runRegistered(input: { state: EditorState; command: RegisteredCommand }): EditorState {
  const { state, command } = input;
  switch (command.kind) {
    case 'history':
      return command.direction === 'undo' ? undo(state) : redo(state);
    case 'edit':
      return command.enabled(state) ? applyCommand(state, { id: command.id, undoable: command.undoable, perform: command.perform }) : state;
    case 'view':
      return state;
  }
}
