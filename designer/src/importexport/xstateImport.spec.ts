import { describe, expect, it } from 'vitest';
import { listTransitions } from '../definition/stateTree';
import { importXStateMachine } from './xstateImport';

describe('importing an XState v5 machine', () => {
  it('maps states, transitions, timers and built-in actions', () => {
    const result = importXStateMachine({
      id: 'leave',
      initial: 'draft',
      context: { days: 0 },
      states: {
        draft: { on: { SUBMIT: 'review' } },
        review: {
          after: { 86400000: { target: 'approved' } },
          on: {
            APPROVE: {
              target: 'approved',
              guard: { type: 'expr', params: { expr: 'data.days < 3' } },
              actions: [{ type: 'notify', params: { template: 'ok', to: [{ requester: true }] } }],
            },
            REJECT: 'draft',
          },
        },
        approved: { type: 'final' },
      },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(listTransitions(result.definition.machine).map((t) => [t.id, t.targetIds])).toEqual([
      ['draft#on.SUBMIT.0', ['review']],
      ['review#on.APPROVE.0', ['approved']],
      ['review#on.REJECT.0', ['draft']],
      ['review#after.PT24H.0', ['approved']],
    ]);
    expect(result.unmapped).toEqual([{ path: 'context', reason: 'workflow data comes from forms' }]);
  });

  it('refuses code and says where it is, importing nothing', () => {
    const result = importXStateMachine({
      id: 'm',
      initial: 'a',
      states: { a: { entry: 'logIt', on: { GO: { target: 'b', guard: 'isAdmin' } } }, b: { invoke: { src: 'fetchUser' } } },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refused.map((problem) => problem.path).sort()).toEqual([
      'states.a.entry[0]',
      'states.a.on.GO[0].guard',
      'states.b.invoke',
    ]);
  });
});
