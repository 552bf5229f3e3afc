import type { DurationByCase } from '@estateflow/model';
import { describe, expect, it } from 'vitest';
import { describeDuration } from '../canvas/describe';
import { collectFindings } from '../lint/collectFindings';
import { approvalFixture } from '../testing/approvalFixture';
import { slaCases, slaFindings } from './slaCases';

const byUrgency: DurationByCase = {
  cases: [
    { when: "data.urgency == 'normal'", duration: { param: 'respondMinutesNormal', unit: 'minutes' } },
    { when: "data.urgency == 'emergency'", duration: 'PT15M' },
  ],
};

describe('editing an SLA by case', () => {
  it('starts from the plain duration it replaces, adds, edits and removes cases, and sets or clears otherwise', () => {
    const started = slaCases.start('PT2H');
    expect(started).toEqual({ cases: [{ when: 'true', duration: 'PT2H' }] });
    const two = slaCases.add(slaCases.update(started, { index: 0, patch: { when: "data.urgency == 'normal'" } }));
    expect(two.cases).toEqual([
      { when: "data.urgency == 'normal'", duration: 'PT2H' },
      { when: 'true', duration: 'PT2H' },
    ]);
    expect(slaCases.remove(two, 0).cases).toEqual([{ when: 'true', duration: 'PT2H' }]);
    const withOtherwise = slaCases.setOtherwise(two, 'P1D');
    expect(withOtherwise.otherwise).toBe('P1D');
    expect(slaCases.setOtherwise(withOtherwise, undefined)).not.toHaveProperty('otherwise');
  });

  it('badges the state with each case’s duration', () => {
    expect(describeDuration(byUrgency)).toBe('{respondMinutesNormal}m / 15m');
  });

  it('shows the lint finding of a bad case under that SLA input only', () => {
    const definition = approvalFixture();
    const task = definition.machine.states['submitted']?.meta?.task;
    if (!task) throw new Error('the approval fixture has no submitted task');
    task.sla = { respond: { cases: [] }, complete: { cases: [{ when: 'data.nothing == 1', duration: 'PT1H' }] } };
    const findings = collectFindings(definition, 'en');
    expect(slaFindings(findings, { stateId: 'submitted', part: 'sla.respond' })).toEqual([
      'an SLA set by case needs at least one case (sla.respond)',
    ]);
    expect(slaFindings(findings, { stateId: 'submitted', part: 'sla.complete' })).toEqual([expect.stringContaining('field "nothing"')]);
  });
});
