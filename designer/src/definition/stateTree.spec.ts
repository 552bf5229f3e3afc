import { describe, expect, it } from 'vitest';
import { approvalFixture } from '../testing/approvalFixture';
import { listStates, listTransitions, resolveTarget, targetReference } from './stateTree';

describe('the state tree of a definition', () => {
  it('lists states parents first, with kinds and the initial marker', () => {
    const states = listStates(approvalFixture().machine);
    expect(states.map((state) => [state.id, state.kind, state.isInitial])).toEqual([
      ['submitted', 'atomic', true],
      ['review', 'compound', false],
      ['review.check', 'atomic', true],
      ['review.sign', 'atomic', false],
      ['rejected', 'final', false],
      ['closed', 'final', false],
    ]);
  });

  it('resolves sibling, child and absolute targets to state ids', () => {
    const { machine } = approvalFixture();
    expect(resolveTarget({ machine, sourceId: 'review.check', target: 'sign' })).toBe('review.sign');
    expect(resolveTarget({ machine, sourceId: 'review', target: '.sign' })).toBe('review.sign');
    expect(resolveTarget({ machine, sourceId: 'review.sign', target: '#approval.closed' })).toBe('closed');
    expect(resolveTarget({ machine, sourceId: 'submitted', target: 'nowhere' })).toBeNull();
  });

  it('names targets the shortest way XState understands', () => {
    const { machine } = approvalFixture();
    expect(targetReference({ machine, sourceId: 'submitted', targetId: 'closed' })).toBe('closed');
    expect(targetReference({ machine, sourceId: 'review', targetId: 'review.sign' })).toBe('.sign');
    expect(targetReference({ machine, sourceId: 'review.sign', targetId: 'closed' })).toBe('#approval.closed');
  });

  it('lists event, timer and self-loop transitions with resolved targets', () => {
    const transitions = listTransitions(approvalFixture().machine);
    expect(transitions.map((t) => [t.id, t.targetIds])).toEqual([
      ['submitted#on.APPROVE.0', ['review']],
      ['submitted#on.REJECT.0', ['rejected']],
      ['submitted#on.COMMENT.0', ['submitted']],
      ['submitted#after.remind.0', ['review']],
      ['review.check#on.OK.0', ['review.sign']],
      ['review.sign#on.DONE.0', ['closed']],
    ]);
  });
});
