import { describe, expect, it } from 'vitest';
import { removeStates, updateState } from '../definition/stateEdits';
import { addTransition } from '../definition/transitionEdits';
import { approvalFixture } from '../testing/approvalFixture';
import { versionChanges } from './versionChanges';

describe('comparing two versions', () => {
  it('marks added, removed and changed states and transitions', () => {
    const before = approvalFixture();
    let after = removeStates(before, ['rejected']);
    after = updateState(after, 'submitted', (state) => ({ ...state, meta: { label: { 'zh-CN': '待受理' } } }));
    after = addTransition(after, { sourceId: 'review.sign', targetId: 'submitted' }).definition;
    const changes = versionChanges(before, after);
    expect(Object.fromEntries(changes.elements)).toEqual({
      submitted: 'changed',
      rejected: 'removed',
      'submitted#on.REJECT.0': 'removed',
      'review.sign#on.NEXT.0': 'added',
    });
    expect(changes.other).toEqual([]);
  });

  it('lists forms and top-level settings that changed', () => {
    const before = approvalFixture();
    const after = { ...before, name: { ...before.name, 'zh-CN': '新名称' }, forms: {} };
    const changes = versionChanges(before, after);
    expect([...changes.forms.values()].every((kind) => kind === 'removed')).toBe(true);
    expect(changes.other).toContain('name');
  });
});
