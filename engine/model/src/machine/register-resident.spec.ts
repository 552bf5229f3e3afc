import { describe, expect, it } from 'vitest';
import type { Action, WorkflowDefinition } from '../generated/definition.js';
import { lintDefinition } from '../lint/lint-definition.js';
import { MONDAY_9AM, OWNER, REPAIR_PARAMETERS, REPORT, repairDefinition } from '../test-support/repair-fixture.js';
import { start, step, type StepResult } from './step.js';

/** The repair fixture with `actions` added to the ACCEPT transition of "dispatched". */
function withAcceptActions(actions: Action[]): WorkflowDefinition {
  const definition = repairDefinition();
  const accept = definition.machine.states['dispatched']?.on?.['ACCEPT']?.[0];
  if (accept === undefined) throw new Error('the fixture has no dispatched ACCEPT');
  accept.actions = [...(accept.actions ?? []), ...actions];
  return definition;
}

function accepted(definition: WorkflowDefinition): StepResult {
  const started = start(definition, { parameters: REPAIR_PARAMETERS, input: { data: { ...REPORT }, actor: OWNER }, now: MONDAY_9AM });
  const dispatched = step(
    definition,
    JSON.parse(JSON.stringify(started.snapshot)),
    { type: 'DISPATCH', data: { technicianId: 'tech-7' } },
    { now: MONDAY_9AM },
  );
  expect(dispatched.stateValue).toBe('dispatched');
  return step(definition, JSON.parse(JSON.stringify(dispatched.snapshot)), { type: 'ACCEPT' }, { now: MONDAY_9AM });
}

describe('registerResident', () => {
  it('surfaces as an effect with the unit, the person and the kind the expressions give', () => {
    const definition = withAcceptActions([
      { type: 'registerResident', params: { unit: 'data.location', person: 'requester', kind: 'owner', moveInAt: "'2026-03-01'" } },
      { type: 'registerResident', params: { unit: "'unit-9'", person: 'data.technicianId', kind: 'tenant' } },
    ]);
    const result = accepted(definition);
    const registrations = result.effects.filter((effect) => effect.kind === 'registerResident');
    expect(registrations).toEqual([
      {
        kind: 'registerResident',
        unitId: REPORT.location,
        person: { kind: 'requester' },
        residencyKind: 'owner',
        moveInAt: '2026-03-01',
        transition: 'dispatched#on.ACCEPT.0',
      },
      {
        kind: 'registerResident',
        unitId: 'unit-9',
        person: { kind: 'person', personId: 'tech-7' },
        residencyKind: 'tenant',
        transition: 'dispatched#on.ACCEPT.0',
      },
    ]);
  });

  it('lints clean with valid params, and reports bad params and unknown fields', () => {
    const good = withAcceptActions([{ type: 'registerResident', params: { unit: 'data.location', person: 'requester', kind: 'owner' } }]);
    expect(lintDefinition(good)).toEqual([]);
    const codes = (actions: Action[]) => lintDefinition(withAcceptActions(actions)).map((finding) => finding.code);
    expect(codes([{ type: 'registerResident', params: { unit: 'data.location', person: 'requester', kind: 'landlord' } }])).toEqual([
      'badActionParams',
    ]);
    expect(codes([{ type: 'registerResident', params: { person: 'requester', kind: 'owner' } }])).toEqual(['badActionParams']);
    expect(codes([{ type: 'registerResident', params: { unit: 'data.location', person: 'requester', kind: 'owner', room: '1' } }])).toEqual(
      ['badActionParams'],
    );
    expect(codes([{ type: 'registerResident', params: { unit: 'data.flat', person: 'requester', kind: 'owner' } }])).toEqual([
      'expressionUnknownField',
    ]);
    expect(codes([{ type: 'registerResident', params: { unit: 'data.location', person: 'data.buyer', kind: 'tenant' } }])).toEqual([
      'expressionUnknownField',
    ]);
    expect(
      codes([{ type: 'registerResident', params: { unit: 'data.location', person: 'requester', kind: 'owner', moveInAt: 'data.when' } }]),
    ).toEqual(['expressionUnknownField']);
  }, 30_000);
});
