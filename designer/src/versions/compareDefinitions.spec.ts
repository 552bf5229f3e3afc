import { describe, expect, it } from 'vitest';
import { removeStates, updateState } from '../definition/stateEdits';
import { addTransition } from '../definition/transitionEdits';
import { approvalFixture } from '../testing/approvalFixture';
import { compareDefinitions } from './compareDefinitions';

describe('comparing two versions', () => {
  it('marks added, removed and changed states and transitions', () => {
    const before = approvalFixture();
    let after = removeStates(before, ['rejected']);
    after = updateState(after, 'submitted', (state) => ({ ...state, meta: { label: { 'zh-CN': '待受理' } } }));
    after = addTransition(after, { sourceId: 'review.sign', targetId: 'submitted' }).definition;
    const comparison = compareDefinitions(before, after);
    expect(Object.fromEntries(comparison.elements)).toEqual({
      submitted: 'changed',
      rejected: 'removed',
      'submitted#on.REJECT.0': 'removed',
      'review.sign#on.NEXT.0': 'added',
    });
  });
});
