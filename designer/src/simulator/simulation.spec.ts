import { runScenario } from '@estateflow/model';
import { describe, expect, it } from 'vitest';
import type { Definition } from '../definition/types';
import { advanceClock, dataOf, sendEvent, startSimulation } from './simulation';

function leaveApproval(): Definition {
  return {
    formatVersion: 1,
    key: 'leave',
    name: { 'zh-CN': '请假', en: 'Leave' },
    machine: {
      id: 'leave',
      initial: 'review',
      states: {
        review: {
          meta: {
            label: { 'zh-CN': '审核', en: 'Review' },
            task: { name: { 'zh-CN': '审核', en: 'Review' }, assignee: { role: 'estate_manager' } },
          },
          on: {
            APPROVE: [
              {
                target: 'approved',
                guard: { type: 'expr', params: { expr: 'event.data.days <= 3' } },
                actions: [{ type: 'setData', params: { mergeEventData: true } }],
                meta: { form: 'decide' },
              },
            ],
            REJECT: [{ target: 'rejected' }],
          },
          after: { PT24H: [{ target: 'approved' }] },
        },
        approved: { type: 'final' },
        rejected: { type: 'final' },
      },
    },
    forms: {
      start: { schema: { type: 'object', properties: { reason: { type: 'string', minLength: 2 } }, required: ['reason'] } },
      decide: { schema: { type: 'object', properties: { days: { type: 'integer', minimum: 1 } }, required: ['days'] } },
    },
    startForm: 'start',
  };
}

describe('the simulator', () => {
  it('refuses start data the start form refuses, as the engine will', () => {
    const result = startSimulation(leaveApproval(), { data: { reason: 'x' } });
    expect(result.ok).toBe(false);
  });

  it('runs an approval through a guarded event and records a scenario that replays', () => {
    const definition = leaveApproval();
    const started = startSimulation(definition, { data: { reason: '家里有事' } });
    if (!started.ok) throw new Error('start refused');
    expect(started.simulation.activeStates).toEqual(['review']);
    const refused = sendEvent(definition, started.simulation, { type: 'APPROVE', form: 'decide', data: { days: 5 } });
    expect(refused.ok).toBe(false);
    const approved = sendEvent(definition, started.simulation, { type: 'APPROVE', form: 'decide', data: { days: 2 } });
    if (!approved.ok) throw new Error('approve refused');
    expect(approved.simulation.status).toBe('done');
    expect(dataOf(approved.simulation)).toMatchObject({ reason: '家里有事', days: 2 });
    const run = runScenario(definition, { ...approved.simulation.scenario, name: 'approve' });
    expect(run.passed).toBe(true);
  });

  it('fast-forwards the clock and fires the timer', () => {
    const definition = leaveApproval();
    const started = startSimulation(definition, { data: { reason: '家里有事' } });
    if (!started.ok) throw new Error('start refused');
    const later = advanceClock(definition, started.simulation, 25 * 3600_000);
    expect(later.stateValue).toBe('approved');
    expect(later.taken).toContain('review#after.PT24H.0');
    expect(runScenario(definition, { ...later.scenario, name: 'timeout' }).passed).toBe(true);
  });
});
