import { describe, expect, it } from 'vitest';
import { approvalFixture } from '../testing/approvalFixture';
import { listStates } from '../definition/stateTree';
import { addStateCommand, connectCommand, editDefinition, moveNodesCommand, select } from './editCommands';
import { applyCommand, createEditorState, redo, undo } from './editorState';
import { commandRegistry, matchesShortcut, runRegistered } from './registry';

const ids = (state: ReturnType<typeof createEditorState>) => listStates(state.definition.machine).map((entry) => entry.id);

function registered(id: string) {
  const command = commandRegistry.find((entry) => entry.id === id);
  if (!command) throw new Error(`no command ${id}`);
  return command;
}

describe('the command registry and undo history', () => {
  it('undoes and redoes an added state', () => {
    const start = createEditorState(approvalFixture());
    const added = applyCommand(start, addStateCommand({ kind: 'atomic' }));
    expect(ids(added)).toContain('state');
    expect(added.selection.states).toEqual(['state']);
    const undone = undo(added);
    expect(ids(undone)).not.toContain('state');
    expect(ids(redo(undone))).toContain('state');
  });

  it('deletes the selection through the registered command, shared by toolbar and shortcut', () => {
    let state = applyCommand(createEditorState(approvalFixture()), select({ states: ['rejected'], transitions: [] }));
    const command = registered('deleteSelection');
    expect(
      commandRegistry.filter((entry) =>
        entry.shortcuts?.some((shortcut) =>
          matchesShortcut({ key: 'Delete', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false }, shortcut),
        ),
      ),
    ).toEqual([command]);
    state = runRegistered({ state, command });
    expect(ids(state)).not.toContain('rejected');
    expect(ids(runRegistered({ state, command: registered('undo') }))).toContain('rejected');
  });

  it('copies and pastes a state as one undo step', () => {
    let state = applyCommand(createEditorState(approvalFixture()), select({ states: ['submitted'], transitions: [] }));
    state = runRegistered({ state, command: registered('copy') });
    state = runRegistered({ state, command: registered('paste') });
    expect(state.selection.states).toEqual(['submitted_2']);
    expect(state.past).toHaveLength(1);
  });

  it('coalesces typing into one field into one undo step', () => {
    let state = createEditorState(approvalFixture());
    for (const name of ['审', '审批', '审批流程']) {
      state = applyCommand(
        state,
        editDefinition({
          id: 'rename',
          coalesceKey: 'name',
          edit: (definition) => ({ ...definition, name: { 'zh-CN': name, en: 'Approval' } }),
        }),
      );
    }
    expect(state.past).toHaveLength(1);
    expect(undo(state).definition.name['zh-CN']).toBe('审批');
  });

  it('connects two states and selects the new transition', () => {
    const state = applyCommand(createEditorState(approvalFixture()), connectCommand({ sourceId: 'review.sign', targetId: 'rejected' }));
    expect(state.selection.transitions).toEqual(['review.sign#on.NEXT.0']);
    expect(state.changeCount).toBe(1);
  });

  it('does not record selection changes in the history', () => {
    const state = applyCommand(createEditorState(approvalFixture()), select({ states: ['review'], transitions: [] }));
    expect(state.past).toHaveLength(0);
    expect(state.changeCount).toBe(0);
  });
});

describe('a command that only arranges the view', () => {
  it('changes what is shown without a history step or a change to autosave', () => {
    const state = createEditorState(approvalFixture());
    const laidOut = applyCommand(state, {
      ...moveNodesCommand(new Map([['submitted', { x: 40, y: 80 }]])),
      undoable: false,
      countsAsChange: false,
    });
    expect(laidOut.definition.layout?.nodes?.['submitted']).toEqual({ x: 40, y: 80 });
    expect(laidOut.changeCount).toBe(state.changeCount);
    expect(laidOut.past).toHaveLength(0);
    // The next real edit counts, and carries the positions with it.
    const moved = applyCommand(laidOut, moveNodesCommand(new Map([['submitted', { x: 60, y: 80 }]])));
    expect(moved.changeCount).toBe(state.changeCount + 1);
  });
});
