import { describe, expect, it } from 'vitest';
import { approvalFixture } from '../testing/approvalFixture';
import { copyStates, pasteStates } from './clipboard';
import { addState, removeStates, renameState, setInitial, setStateKind } from './stateEdits';
import { getState, listStates, listTransitions } from './stateTree';
import { addTransition, removeTransitions, retargetTransition, setTransitionTrigger, updateTransition } from './transitionEdits';

describe('editing states', () => {
  it('adds a state with a unique key and remembers where it was placed', () => {
    const first = addState(approvalFixture(), { parentId: null, kind: 'atomic', position: { x: 10.4, y: 20 } });
    const second = addState(first.definition, { parentId: null, kind: 'atomic', position: { x: 0, y: 0 } });
    expect([first.id, second.id]).toEqual(['state', 'state_2']);
    expect(second.definition.layout?.nodes?.state).toEqual({ x: 10, y: 20 });
  });

  it('adds a child inside a compound state', () => {
    const added = addState(approvalFixture(), { parentId: 'review', kind: 'final', position: { x: 0, y: 0 } });
    expect(added.id).toBe('review.done');
    expect(getState(added.definition.machine, 'review.done')?.type).toBe('final');
  });

  it('removes a state with its children, the transitions into it and its layout', () => {
    const next = removeStates(approvalFixture(), ['review']);
    expect(listStates(next.machine).map((state) => state.id)).toEqual(['submitted', 'rejected', 'closed']);
    expect(listTransitions(next.machine).map((t) => t.id)).toEqual(['submitted#on.REJECT.0', 'submitted#on.COMMENT.0']);
    expect(Object.keys(next.layout?.nodes ?? {})).toEqual(['submitted']);
  });

  it('moves the initial marker when the initial state is removed', () => {
    const next = removeStates(approvalFixture(), ['submitted']);
    expect(next.machine.initial).toBe('review');
  });

  it('renames a state and rewrites every target into it', () => {
    const next = renameState(approvalFixture(), { id: 'review', key: 'engineering' });
    expect(listTransitions(next.machine).map((t) => [t.id, t.targetIds])).toContainEqual(['submitted#on.APPROVE.0', ['engineering']]);
    expect(listTransitions(next.machine).map((t) => t.id)).toContain('engineering.check#on.OK.0');
    expect(next.layout?.nodes?.['engineering.check']).toEqual({ x: 24, y: 64 });
    const closedRename = renameState(approvalFixture(), { id: 'closed', key: 'archived' });
    expect(getState(closedRename.machine, 'review.sign')?.on?.DONE).toEqual([{ target: '#approval.archived' }]);
  });

  it('refuses a rename onto an existing sibling', () => {
    const original = approvalFixture();
    expect(renameState(original, { id: 'rejected', key: 'closed' })).toBe(original);
  });

  it('makes a state initial and turns a state into a parallel state', () => {
    expect(setInitial(approvalFixture(), 'review.sign').machine.states?.review?.initial).toBe('sign');
    const parallel = setStateKind(approvalFixture(), { id: 'rejected', kind: 'parallel' });
    expect(
      listStates(parallel.machine)
        .filter((s) => s.parentId === 'rejected')
        .map((s) => s.kind),
    ).toEqual(['compound', 'compound']);
  });
});

describe('editing transitions', () => {
  it('connects two states on a fresh event and can connect a state to itself', () => {
    const added = addTransition(approvalFixture(), { sourceId: 'rejected', targetId: 'closed' });
    expect(added.id).toBe('');
    const loop = addTransition(approvalFixture(), { sourceId: 'review.sign', targetId: 'review.sign' });
    expect(loop.id).toBe('review.sign#on.NEXT.0');
    expect(listTransitions(loop.definition.machine).find((t) => t.id === loop.id)?.targetIds).toEqual(['review.sign']);
  });

  it('changes the trigger of a transition to a timer and back', () => {
    const timer = setTransitionTrigger(approvalFixture(), { id: 'submitted#on.REJECT.0', kind: 'after', key: 'autoReject' });
    expect(timer.id).toBe('submitted#after.autoReject.0');
    expect(getState(timer.definition.machine, 'submitted')?.on?.REJECT).toBeUndefined();
    const always = setTransitionTrigger(timer.definition, { id: timer.id, kind: 'always', key: '' });
    expect(always.id).toBe('submitted#always.0');
  });

  it('updates, retargets and removes transitions', () => {
    const guarded = updateTransition(approvalFixture(), 'submitted#on.REJECT.0', (config) => ({
      ...config,
      guard: { type: 'expr', params: { expr: 'true' } },
    }));
    expect(getState(guarded.machine, 'submitted')?.on?.REJECT).toEqual([
      { target: 'rejected', guard: { type: 'expr', params: { expr: 'true' } } },
    ]);
    const retargeted = retargetTransition(guarded, { id: 'submitted#on.REJECT.0', targetId: 'review.sign' });
    expect(listTransitions(retargeted.machine).find((t) => t.id === 'submitted#on.REJECT.0')?.targetIds).toEqual(['review.sign']);
    const removed = removeTransitions(retargeted, ['submitted#on.REJECT.0', 'submitted#after.remind.0']);
    expect(getState(removed.machine, 'submitted')?.after).toBeUndefined();
  });
});

describe('copy and paste', () => {
  it('pastes copies with fresh keys whose transitions among themselves point at the copies', () => {
    const definition = approvalFixture();
    const clipboard = copyStates(definition, ['review.check', 'review.sign']);
    expect(clipboard).not.toBeNull();
    if (!clipboard) return;
    const pasted = pasteStates(definition, { clipboard, offset: 40 });
    expect(pasted.ids).toEqual(['review.check_2', 'review.sign_2']);
    expect(getState(pasted.definition.machine, 'review.check_2')?.on?.OK).toEqual([{ target: 'sign_2' }]);
    expect(pasted.definition.layout?.nodes?.['review.check_2']).toEqual({ x: 64, y: 104 });
  });
});
