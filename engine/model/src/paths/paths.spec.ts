import { describe, expect, it } from 'vitest';
import { listStates } from '../machine/state-tree.js';
import { repairDefinition } from '../test-support/repair-fixture.js';
import { coverage } from './coverage.js';
import { generatePaths } from './generate-paths.js';
import { runScenario } from './run-scenario.js';

const definition = repairDefinition();

describe('generatePaths and coverage', () => {
  const scenarios = generatePaths(definition);

  it('reaches every final state of the fixture', () => {
    const reached = new Set(scenarios.flatMap((scenario) => runScenario(definition, scenario).visitedStates));
    for (const final of listStates(definition).filter((state) => state.kind === 'final')) expect(reached).toContain(final.path);
  });

  it('covers 100 % of states and transitions, and every generated scenario passes', () => {
    const report = coverage(definition, scenarios);
    expect(report.states).toMatchObject({ percent: 100, missing: [] });
    expect(report.transitions).toMatchObject({ percent: 100, missing: [] });
    expect(report.runs.filter((run) => !run.passed)).toEqual([]);
  });

  it('reports what the fixture’s own scenarios miss', () => {
    const report = coverage(definition, definition.tests ?? []);
    expect(report.runs.every((run) => run.passed)).toBe(true);
    expect(report.states.percent).toBeLessThan(100);
    expect(report.states.missing).toContain('rejected');
    expect(report.transitions.covered).toBeGreaterThan(5);
  });
});

describe('runScenario', () => {
  const [happy] = definition.tests ?? [];

  it('fails on a wrong expectation, a forbidden sender, data that does not fit the form, and an event not accepted', () => {
    if (happy === undefined) throw new Error('fixture has tests');
    const wrongState = runScenario(definition, {
      ...happy,
      steps: [{ event: 'DISPATCH', data: { technicianId: 't' }, expect: { state: 'accepted' } }],
    });
    expect(wrongState.passed).toBe(false);
    expect(wrongState.steps[1]?.failures).toEqual(['expected state accepted, got dispatched']);
    const owner = runScenario(definition, {
      ...happy,
      steps: [{ event: 'DISPATCH', data: { technicianId: 't' }, actor: { id: 'owner-1', roles: ['owner'] } }],
    });
    expect(owner.steps[1]?.failures).toEqual(['owner-1 may not send DISPATCH']);
    const badData = runScenario(definition, { ...happy, steps: [{ event: 'DISPATCH', data: {} }] });
    expect(badData.steps[1]?.failures[0]).toContain('/technicianId is required');
    const refused = runScenario(definition, { ...happy, steps: [{ event: 'FINISH', data: { result: 'ok' } }] });
    expect(refused.steps[1]?.failures).toContain('FINISH was not accepted in submitted.normal');
  });

  it('fires due timers when the clock advances', () => {
    const run = runScenario(definition, {
      name: 'respond deadline',
      start: { data: { location: 'x', category: 'lift', description: '电梯困人', urgency: 'emergency', contactPhone: '13812345678' } },
      steps: [{ advanceMs: 61 * 60_000, expect: { state: 'submitted.emergency', notifications: [] } }],
    });
    expect(run.passed).toBe(true);
    expect(run.takenTransitions).toEqual([
      'submitted.triage#always.0',
      'submitted.emergency#after.respondDeadlineEmergency.0',
      'submitted.emergency#after.PT1H.0',
    ]);
  });
});
