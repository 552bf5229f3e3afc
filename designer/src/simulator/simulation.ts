import {
  resolveParameters,
  ALL_ROLES,
  activeStatePaths,
  start,
  step,
  type Actor,
  type Effect,
  type FieldError,
  type Scenario,
  type ScenarioStep,
  type StepResult,
  type WorkflowSnapshot,
} from '@estateflow/model';
import type { Definition } from '../definition/types';
import { validateWithSchema } from './validateWithSchema';

/** The simulator's own clock starts where scenarios start by default. */
export const SIMULATION_START = Date.parse('2026-01-05T09:00:00+08:00');
export const SIMULATION_ACTOR: Actor = { id: 'designer-simulator', roles: [...ALL_ROLES] };

export interface PendingTimer {
  id: string;
  dueAt: number;
  event: string;
}

export interface SimulationStepRecord {
  label: string;
  stateValue: string;
  transitions: string[];
  effects: Effect[];
}

/** One simulated instance: snapshot, clock, timers, what was taken — and the scenario it makes. */
export interface Simulation {
  snapshot: WorkflowSnapshot;
  stateValue: string;
  status: 'active' | 'done';
  now: number;
  timers: PendingTimer[];
  history: SimulationStepRecord[];
  activeStates: string[];
  taken: string[];
  scenario: Scenario;
}

export type SimulationResult = { ok: true; simulation: Simulation } | { ok: false; errors: FieldError[] };

function applyTimers(timers: PendingTimer[], effects: Effect[]): PendingTimer[] {
  let next = [...timers];
  for (const effect of effects) {
    if (effect.kind === 'schedule')
      next = [...next.filter((timer) => timer.id !== effect.id), { id: effect.id, dueAt: effect.dueAt, event: effect.event }];
    if (effect.kind === 'cancelSchedule') next = next.filter((timer) => timer.id !== effect.id);
  }
  return next.sort((a, b) => a.dueAt - b.dueAt);
}

function advanceWith(
  simulation: Simulation,
  input: { result: StepResult; label: string; now: number; scenarioStep: ScenarioStep | null },
): Simulation {
  const { result } = input;
  const steps = input.scenarioStep ? [...simulation.scenario.steps, input.scenarioStep] : simulation.scenario.steps;
  return {
    snapshot: result.snapshot,
    stateValue: result.stateValue,
    status: result.status,
    now: input.now,
    timers: result.status === 'done' ? [] : applyTimers(simulation.timers, result.effects),
    history: [
      ...simulation.history,
      { label: input.label, stateValue: result.stateValue, transitions: result.transitions, effects: result.effects },
    ],
    activeStates: activeStatePaths(result.snapshot.value),
    taken: [...new Set([...simulation.taken, ...result.transitions])],
    scenario: { ...simulation.scenario, steps },
  };
}

/** Validates data against one of the definition's forms with the schema the engine applies (CSP-safe). */
export function validateFormData(definition: Definition, input: { form: string | undefined; data: Record<string, unknown> }): FieldError[] {
  const form = input.form ? definition.forms[input.form] : undefined;
  if (!form) return [];
  return validateWithSchema(form.schema, input.data);
}

export function startSimulation(
  definition: Definition,
  input: { data: Record<string, unknown>; parameters?: Record<string, unknown> },
): SimulationResult {
  const errors = validateFormData(definition, { form: definition.startForm, data: input.data });
  if (errors.length) return { ok: false, errors };
  // The model's own resolution; in the browser it validates with the schema compiler bound at start.
  const parameters = resolveParameters(definition, {}, input.parameters ?? {});
  if (!parameters.ok) return { ok: false, errors: parameters.errors };
  const result = start(definition, {
    parameters: parameters.parameters,
    input: { data: input.data, actor: SIMULATION_ACTOR },
    now: SIMULATION_START,
  });
  const empty: Simulation = {
    snapshot: result.snapshot,
    stateValue: result.stateValue,
    status: result.status,
    now: SIMULATION_START,
    timers: [],
    history: [],
    activeStates: [],
    taken: [],
    scenario: { name: '', start: { data: input.data, actor: SIMULATION_ACTOR }, steps: [] },
  };
  if (input.parameters) empty.scenario.parameters = input.parameters;
  return { ok: true, simulation: advanceWith(empty, { result, label: 'start', now: SIMULATION_START, scenarioStep: null }) };
}

/** Sends one event with its form data; refused data or an unaccepted event changes nothing. */
export function sendEvent(
  definition: Definition,
  simulation: Simulation,
  input: { type: string; form: string | undefined; data: Record<string, unknown> },
): SimulationResult {
  const errors = validateFormData(definition, { form: input.form, data: input.data });
  if (errors.length) return { ok: false, errors };
  const result = step(
    definition,
    simulation.snapshot,
    { type: input.type, data: input.data, actor: SIMULATION_ACTOR },
    { now: simulation.now },
  );
  if (!result.changed)
    return {
      ok: false,
      errors: [
        {
          path: '',
          message: { 'zh-CN': `事件 ${input.type} 未被接受（条件不满足）`, en: `${input.type} was not accepted (no guard passed)` },
        },
      ],
    };
  const scenarioStep: ScenarioStep = { event: input.type, data: input.data, actor: SIMULATION_ACTOR, expect: { state: result.stateValue } };
  return { ok: true, simulation: advanceWith(simulation, { result, label: input.type, now: simulation.now, scenarioStep }) };
}

/** Moves the clock forward, firing every timer that falls due on the way, in order. */
export function advanceClock(definition: Definition, simulation: Simulation, ms: number): Simulation {
  const until = simulation.now + ms;
  let current = simulation;
  let guard = 0;
  for (let timer = current.timers[0]; timer && timer.dueAt <= until && guard < 100; timer = current.timers[0], guard += 1) {
    const due = timer;
    const result = step(definition, current.snapshot, { type: due.event, actor: SIMULATION_ACTOR }, { now: due.dueAt });
    const rest = { ...current, timers: current.timers.slice(1) };
    const scenarioStep: ScenarioStep = { advanceMs: due.dueAt - current.now, expect: { state: result.stateValue } };
    current = advanceWith(rest, { result, label: `⏱ ${due.event}`, now: due.dueAt, scenarioStep });
  }
  const remaining = until - current.now;
  if (remaining <= 0) return current;
  return { ...current, now: until, scenario: { ...current.scenario, steps: [...current.scenario.steps, { advanceMs: remaining }] } };
}

export function dataOf(simulation: Simulation): Record<string, unknown> {
  return simulation.snapshot.context.data;
}
