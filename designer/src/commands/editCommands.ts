import { copyStates, pasteStates } from '../definition/clipboard';
import { addState, removeStates, setInitial, setNodePosition } from '../definition/stateEdits';
import { listStates, listTransitions, parentIdOf } from '../definition/stateTree';
import { addTransition, removeTransitions } from '../definition/transitionEdits';
import type { Definition, Point, StateKind } from '../definition/types';
import { EMPTY_SELECTION, type Command, type EditorSnapshot, type Selection } from './editorState';

/** Command factories: every change the canvas, inspector and form builder make goes through one. */

export function editDefinition(input: { id: string; coalesceKey?: string; edit: (definition: Definition) => Definition }): Command {
  const command: Command = {
    id: input.id,
    undoable: true,
    perform: (snapshot) => ({ ...snapshot, definition: input.edit(snapshot.definition) }),
  };
  if (input.coalesceKey !== undefined) command.coalesceKey = input.coalesceKey;
  return command;
}

export function select(selection: Selection): Command {
  return { id: 'select', undoable: false, perform: (snapshot) => ({ ...snapshot, selection }) };
}

function bottomOf(definition: Definition, parentId: string | null): Point {
  const siblings = listStates(definition.machine).filter((state) => state.parentId === parentId);
  const positions = siblings.map((state) => definition.layout?.nodes?.[state.id]).filter((position) => position !== undefined);
  if (positions.length === 0) return parentId ? { x: 24, y: 64 } : { x: 0, y: 0 };
  return { x: Math.min(...positions.map((p) => p.x)), y: Math.max(...positions.map((p) => p.y)) + 150 };
}

/** Adds a state inside the selected container (or beside the selected state), and selects it. */
export function addStateCommand(input: { kind: StateKind; position?: Point; parentId?: string | null }): Command {
  return {
    id: `addState.${input.kind}`,
    undoable: true,
    perform: (snapshot) => {
      const { definition, selection } = snapshot;
      const selected = selection.states[0];
      const selectedState = selected ? listStates(definition.machine).find((state) => state.id === selected) : undefined;
      const parentId =
        input.parentId !== undefined
          ? input.parentId
          : selectedState && (selectedState.kind === 'compound' || selectedState.kind === 'parallel')
            ? selectedState.id
            : selected
              ? parentIdOf(selected)
              : null;
      const added = addState(definition, { parentId, kind: input.kind, position: input.position ?? bottomOf(definition, parentId) });
      return { ...snapshot, definition: added.definition, selection: { states: [added.id], transitions: [] } };
    },
  };
}

export function connectCommand(input: { sourceId: string; targetId: string }): Command {
  return {
    id: 'connect',
    undoable: true,
    perform: (snapshot) => {
      const added = addTransition(snapshot.definition, input);
      if (!added.id) return snapshot;
      return { ...snapshot, definition: added.definition, selection: { states: [], transitions: [added.id] } };
    },
  };
}

export function moveNodesCommand(positions: ReadonlyMap<string, Point>): Command {
  return {
    id: 'moveNodes',
    undoable: true,
    perform: (snapshot) => {
      let definition = snapshot.definition;
      for (const [id, position] of positions) definition = setNodePosition(definition, id, position);
      return { ...snapshot, definition };
    },
  };
}

export function deleteSelection(snapshot: EditorSnapshot): EditorSnapshot {
  const { selection } = snapshot;
  if (selection.states.length === 0 && selection.transitions.length === 0) return snapshot;
  const withoutTransitions = removeTransitions(snapshot.definition, selection.transitions);
  const definition = removeStates(withoutTransitions, selection.states);
  return { ...snapshot, definition, selection: EMPTY_SELECTION };
}

export function copySelection(snapshot: EditorSnapshot): EditorSnapshot {
  const clipboard = copyStates(snapshot.definition, snapshot.selection.states);
  return clipboard ? { ...snapshot, clipboard, pasteCount: 0 } : snapshot;
}

export function pasteClipboard(snapshot: EditorSnapshot): EditorSnapshot {
  if (!snapshot.clipboard) return snapshot;
  const pasteCount = snapshot.pasteCount + 1;
  const pasted = pasteStates(snapshot.definition, { clipboard: snapshot.clipboard, offset: 40 * pasteCount });
  return { ...snapshot, definition: pasted.definition, selection: { states: pasted.ids, transitions: [] }, pasteCount };
}

export function selectAll(snapshot: EditorSnapshot): EditorSnapshot {
  const states = listStates(snapshot.definition.machine).map((state) => state.id);
  const transitions = listTransitions(snapshot.definition.machine).map((transition) => transition.id);
  return { ...snapshot, selection: { states, transitions } };
}

export function makeSelectedInitial(snapshot: EditorSnapshot): EditorSnapshot {
  const id = snapshot.selection.states[0];
  return id ? { ...snapshot, definition: setInitial(snapshot.definition, id) } : snapshot;
}
