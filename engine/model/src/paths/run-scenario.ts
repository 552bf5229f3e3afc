import type { Actor, Scenario, ScenarioExpectation, WorkflowDefinition } from '../generated/definition.js';
import { compileFormValidator, type FormValidation } from '../forms/compile-form-validator.js';
import { ExpressionError } from '../expressions/expression-error.js';
import { activeTasks } from '../machine/active-tasks.js';
import { allowedEvents } from '../machine/allowed-events.js';
import { resolveParameters } from '../machine/resolve-parameters.js';
import { start, type StepResult } from '../machine/step.js';
import { activeStatePaths } from '../machine/state-value.js';
import { ALL_ROLES } from '../roles.js';
import { isRecord, ownValue } from '../util/records.js';
import { advanceClock, applyTimerEffects, sendEvent, type SimulatedInstance } from './simulation.js';

/** When a scenario gives no start time: a Monday morning in Beijing. */
export const DEFAULT_SCENARIO_START = Date.parse('2026-01-05T09:00:00+08:00');

export interface ScenarioStepReport {
  /** -1 for the start. */
  index: number;
  stateValue: string;
  failures: string[];
}

export interface ScenarioRun {
  name: string;
  passed: boolean;
  steps: ScenarioStepReport[];
  /** Every state path that was active at some point. */
  visitedStates: string[];
  /** Every transition id taken. */
  takenTransitions: string[];
}

/**
 * Replays a scenario with `step` on a simulated clock and checks its expectations: each event's
 * sender must be allowed to send it, its data must satisfy the event's form, and the event must
 * be accepted. `parameters` are the estate's values (defaults fill the rest).
 */
export function runScenario(definition: WorkflowDefinition, scenario: Scenario, parameters: Record<string, unknown> = {}): ScenarioRun {
  const visited = new Set<string>();
  const taken = new Set<string>();
  const reports: ScenarioStepReport[] = [];
  const record = (result: StepResult) => {
    activeStatePaths(result.snapshot.value).forEach((path) => visited.add(path));
    // A transient state (left at once by `always`) is never in a snapshot: its taken transitions show it was entered.
    result.transitions.forEach((id) => {
      taken.add(id);
      visited.add(id.slice(0, id.indexOf('#')));
    });
  };
  const resolved = resolveParameters(definition, parameters, isRecord(scenario.parameters) ? scenario.parameters : {});
  if (!resolved.ok) {
    return {
      name: scenario.name,
      passed: false,
      steps: [{ index: -1, stateValue: '', failures: resolved.errors.map((error) => `parameter ${error.path} ${error.message.en}`) }],
      visitedStates: [],
      takenTransitions: [],
    };
  }
  const now = scenario.start.at === undefined ? DEFAULT_SCENARIO_START : Date.parse(scenario.start.at);
  const startInput =
    scenario.start.actor === undefined ? { data: scenario.start.data } : { data: scenario.start.data, actor: scenario.start.actor };
  const started = start(definition, { parameters: resolved.parameters, input: startInput, now });
  record(started);
  let instance: SimulatedInstance = { snapshot: started.snapshot, timers: applyTimerEffects([], started.effects), now };
  reports.push({
    index: -1,
    stateValue: started.stateValue,
    failures: checkExpectation({ definition, instance, results: [started], expect: scenario.expectStart }),
  });
  scenario.steps.forEach((scenarioStep, index) => {
    const failures: string[] = [];
    const results: StepResult[] = [];
    if (scenarioStep.advanceMs !== undefined) {
      const advanced = advanceClock({ definition, instance, ms: scenarioStep.advanceMs });
      instance = advanced.instance;
      results.push(...advanced.results);
    }
    if (scenarioStep.event !== undefined) {
      const data = scenarioStep.data ?? {};
      failures.push(...checkSender({ definition, instance, event: scenarioStep.event, actor: scenarioStep.actor, data }));
      const event =
        scenarioStep.actor === undefined
          ? { type: scenarioStep.event, data }
          : { type: scenarioStep.event, data, actor: scenarioStep.actor };
      try {
        const sent = sendEvent({ definition, instance, event });
        if (!sent.result.changed) failures.push(`${scenarioStep.event} was not accepted in ${sent.result.stateValue}`);
        instance = sent.instance;
        results.push(sent.result);
      } catch (error: unknown) {
        // An expression failing on this data (a field the event lacks): the event changes nothing.
        if (!(error instanceof ExpressionError)) throw error;
        failures.push(`${scenarioStep.event} failed: ${error.message}`);
      }
    } else if (scenarioStep.advanceMs === undefined) {
      failures.push('a step needs an event or advanceMs');
    }
    results.forEach(record);
    failures.push(...checkExpectation({ definition, instance, results, expect: scenarioStep.expect }));
    reports.push({ index, stateValue: results[results.length - 1]?.stateValue ?? '', failures });
  });
  return {
    name: scenario.name,
    passed: reports.every((report) => report.failures.length === 0),
    steps: reports,
    visitedStates: [...visited],
    takenTransitions: [...taken],
  };
}

function checkSender(options: {
  definition: WorkflowDefinition;
  instance: SimulatedInstance;
  event: string;
  actor: Actor | undefined;
  data: Record<string, unknown>;
}): string[] {
  const { definition, instance, event, actor, data } = options;
  const failures: string[] = [];
  const everyone = allowedEvents(definition, instance.snapshot, { roles: ALL_ROLES });
  const handler = allowedEvents(definition, instance.snapshot, {
    roles: actor?.roles ?? [],
    ...(actor === undefined ? {} : { actorId: actor.id }),
  }).find((entry) => entry.event === event);
  if (actor !== undefined && handler === undefined) failures.push(`${actor.id} may not send ${event}`);
  const form = handler?.form ?? everyone.find((entry) => entry.event === event)?.form;
  const schema = form === undefined ? undefined : ownValue(definition.forms, form)?.schema;
  if (schema !== undefined) {
    const compiled = compileFormValidator(schema);
    const verdict: FormValidation = compiled.ok ? compiled.validate(data) : { ok: false, errors: [] };
    if (!verdict.ok)
      failures.push(
        `${event} data does not fit form ${form ?? ''}: ${verdict.errors.map((error) => `${error.path} ${error.message.en}`).join('; ')}`,
      );
  }
  return failures;
}

function checkExpectation(options: {
  definition: WorkflowDefinition;
  instance: SimulatedInstance;
  results: StepResult[];
  expect: ScenarioExpectation | undefined;
}): string[] {
  const { definition, instance, results, expect } = options;
  if (expect === undefined) return [];
  const failures: string[] = [];
  const last = results[results.length - 1];
  if (expect.state !== undefined && last?.stateValue !== expect.state)
    failures.push(`expected state ${expect.state}, got ${last?.stateValue ?? 'nothing'}`);
  if (expect.status !== undefined && instance.snapshot.status !== expect.status)
    failures.push(`expected status ${expect.status}, got ${instance.snapshot.status}`);
  if (expect.tasks !== undefined) {
    const tasks = activeTasks(definition, instance.snapshot)
      .map((task) => task.statePath)
      .sort();
    const wanted = [...expect.tasks].sort();
    if (JSON.stringify(tasks) !== JSON.stringify(wanted)) failures.push(`expected tasks [${wanted.join(', ')}], got [${tasks.join(', ')}]`);
  }
  if (expect.notifications !== undefined) {
    const sent = new Set(
      results.flatMap((result) => result.effects.flatMap((effect) => (effect.kind === 'notify' ? [effect.template] : []))),
    );
    for (const template of expect.notifications) if (!sent.has(template)) failures.push(`expected notification ${template}`);
  }
  if (expect.data !== undefined) {
    for (const [key, value] of Object.entries(expect.data)) {
      if (!containsValue(ownValue(instance.snapshot.context.data, key), value))
        failures.push(`expected data.${key} = ${JSON.stringify(value)}`);
    }
  }
  return failures;
}

/** Deep partial match: every field of `expected` must be in `actual` with the same value. */
function containsValue(actual: unknown, expected: unknown): boolean {
  if (isRecord(expected))
    return isRecord(actual) && Object.entries(expected).every(([key, value]) => containsValue(ownValue(actual, key), value));
  return JSON.stringify(actual) === JSON.stringify(expected);
}
