import { describe, expect, it } from 'vitest';
import type { DurationByCase, TaskMeta, WorkflowDefinition } from '../generated/definition.js';
import { lintDefinition } from '../lint/lint-definition.js';
import { activeTasks } from '../machine/active-tasks.js';
import { start, step } from '../machine/step.js';
import { MONDAY_9AM, OWNER, REPAIR_PARAMETERS, REPORT, repairDefinition } from '../test-support/repair-fixture.js';
import { validateDefinition } from '../validation/validate-definition.js';
import { resolveSlaDuration } from './resolve-sla-duration.js';

// Respond (accept) by urgency, as a repair pack writes it.
const BY_URGENCY: DurationByCase = {
  cases: [
    { when: "data.urgency == 'emergency'", duration: { param: 'respondMinutesEmergency', unit: 'minutes' } },
    { when: "data.urgency == 'urgent'", duration: 'PT30M' },
  ],
  otherwise: { param: 'respondMinutesNormal', unit: 'minutes' },
};

const scope = (data: Record<string, unknown>) => ({
  data,
  params: REPAIR_PARAMETERS,
  event: { type: '', data: {} },
  now: MONDAY_9AM,
  actor: { id: 'system', roles: [] },
});

function withAcceptSla(sla: TaskMeta['sla']) {
  const definition = repairDefinition();
  const task = definition.machine.states['dispatched']?.meta?.task;
  if (task === undefined) throw new Error('the fixture has no dispatched task');
  task.sla = sla;
  return definition;
}

function acceptTask(definition: WorkflowDefinition, urgency: string) {
  const submitted = start(definition, {
    parameters: REPAIR_PARAMETERS,
    input: { data: { ...REPORT, urgency }, actor: OWNER },
    now: MONDAY_9AM,
  });
  const dispatched = step(definition, submitted.snapshot, { type: 'DISPATCH', data: { technicianId: 'tech-7' } }, { now: MONDAY_9AM });
  return activeTasks(definition, dispatched.snapshot).find((task) => task.statePath === 'dispatched');
}

describe('resolveSlaDuration', () => {
  it('takes the first case that holds, else otherwise', () => {
    expect(resolveSlaDuration({ duration: BY_URGENCY, scope: scope({ urgency: 'emergency' }) })).toEqual({ ok: true, ms: 15 * 60_000 });
    expect(resolveSlaDuration({ duration: BY_URGENCY, scope: scope({ urgency: 'urgent' }) })).toEqual({ ok: true, ms: 30 * 60_000 });
    expect(resolveSlaDuration({ duration: BY_URGENCY, scope: scope({ urgency: 'normal' }) })).toEqual({ ok: true, ms: 120 * 60_000 });
  });

  it('counts a failing condition as false and gives no SLA when nothing holds and there is no otherwise', () => {
    const { otherwise: _otherwise, ...withoutOtherwise } = BY_URGENCY;
    // `data.urgency` is missing: the comparison fails, which is a plain "no".
    expect(resolveSlaDuration({ duration: withoutOtherwise, scope: scope({}) })).toEqual({ ok: false, reason: 'noCase' });
    expect(resolveSlaDuration({ duration: BY_URGENCY, scope: scope({}) })).toEqual({ ok: true, ms: 120 * 60_000 });
  });

  it('still resolves plain durations', () => {
    expect(resolveSlaDuration({ duration: 'PT2H', scope: scope({}) })).toEqual({ ok: true, ms: 7_200_000 });
    expect(resolveSlaDuration({ duration: { param: 'completeHours', unit: 'hours' }, scope: scope({}) })).toEqual({
      ok: true,
      ms: 48 * 3_600_000,
    });
  });
});

describe('a task SLA by case', () => {
  it('is valid in the definition schema', () => {
    expect(validateDefinition(withAcceptSla({ respond: BY_URGENCY })).ok).toBe(true);
  });

  it('gives each instance the due time of its own data', () => {
    const definition = withAcceptSla({ respond: BY_URGENCY, complete: 'PT48H' });
    expect(acceptTask(definition, 'emergency')?.sla).toEqual({ respondMs: 15 * 60_000, completeMs: 48 * 3_600_000 });
    expect(acceptTask(definition, 'urgent')?.sla).toEqual({ respondMs: 30 * 60_000, completeMs: 48 * 3_600_000 });
    expect(acceptTask(definition, 'normal')?.sla).toEqual({ respondMs: 120 * 60_000, completeMs: 48 * 3_600_000 });
  });

  it('leaves the task without that SLA when no case holds', () => {
    const definition = withAcceptSla({ respond: { cases: [{ when: "data.urgency == 'emergency'", duration: 'PT15M' }] } });
    expect(acceptTask(definition, 'normal')?.sla).toEqual({});
  });

  it('lints clean when its conditions and durations are sound', () => {
    expect(lintDefinition(withAcceptSla({ respond: BY_URGENCY }), { compileForms: false })).toEqual([]);
  });

  const lintCases: Array<[string, DurationByCase, string, Record<string, unknown>]> = [
    ['emptyDurationCases', { cases: [] }, 'error', {}],
    ['expressionSyntax', { cases: [{ when: "data.urgency == 'emergency", duration: 'PT15M' }] }, 'error', {}],
    ['expressionUnknownField', { cases: [{ when: "data.priority == 'high'", duration: 'PT15M' }] }, 'error', { field: 'priority' }],
    ['undeclaredParameter', { cases: [{ when: 'params.fastTrack', duration: 'PT15M' }] }, 'error', { field: 'fastTrack' }],
    ['guardNotBoolean', { cases: [{ when: 'data.urgency', duration: 'PT15M' }] }, 'error', {}],
    ['malformedDuration', { cases: [{ when: 'true', duration: 'soon' }] }, 'error', {}],
    [
      'undeclaredParameter',
      { cases: [{ when: 'true', duration: 'PT1H' }], otherwise: { param: 'nope', unit: 'hours' } },
      'error',
      { field: 'nope' },
    ],
  ];
  it.each(lintCases)('reports %s at the state and its SLA input', (code, sla, severity, target) => {
    const findings = lintDefinition(withAcceptSla({ complete: sla }), { compileForms: false });
    expect(findings).toContainEqual(
      expect.objectContaining({
        code,
        severity,
        target: { kind: 'state', statePath: 'dispatched', part: 'sla.complete', ...target },
        message: { 'zh-CN': expect.any(String), en: expect.any(String) },
      }),
    );
  });
});
