import type { Actor, Scenario, ScenarioStep, WorkflowDefinition } from '../generated/definition.js';
import { resolveParameters } from '../machine/resolve-parameters.js';
import { start } from '../machine/step.js';
import { findState, listStates, listTransitions } from '../machine/state-tree.js';
import { expressionReferences } from '../expressions/expression-references.js';
import { activeStatePaths } from '../machine/state-value.js';
import { REQUESTER_ROLE } from '../roles.js';
import { ownEntries, ownValue } from '../util/records.js';
import { dataVariants } from './data-variants.js';
import { DEFAULT_SCENARIO_START } from './run-scenario.js';
import { advanceClock, applyTimerEffects, sendEvent, type SimulatedInstance } from './simulation.js';

export interface GeneratePathsOptions {
  /** Estate parameter values; defaults fill the rest. */
  parameters?: Record<string, unknown>;
  /** Bound on distinct simulated situations explored. */
  maxNodes?: number;
  maxDepth?: number;
}

interface SearchNode {
  instance: SimulatedInstance;
  steps: ScenarioStep[];
  start: Record<string, unknown>;
  visited: Set<string>;
  taken: Set<string>;
}

const STEP_GAP_MS = 60_000;
const REQUESTER: Actor = { id: 'requester-1', roles: ['owner'] };

/**
 * Scenarios found by a breadth-first search of the simulated workflow: the shortest one reaching
 * each final state, plus the shortest ones taking every transition and entering every state
 * the others miss. Event data is generated from the forms, with variants so guards can pass
 * either way; timers are fired by advancing the clock.
 */
export function generatePaths(definition: WorkflowDefinition, options: GeneratePathsOptions = {}): Scenario[] {
  const resolved = resolveParameters(definition, options.parameters ?? {});
  if (!resolved.ok) return [];
  const maxNodes = options.maxNodes ?? 3000;
  const maxDepth = options.maxDepth ?? 30;
  const startForm = definition.startForm === undefined ? undefined : ownValue(definition.forms, definition.startForm)?.schema;
  const fields = guardFields(definition);
  const queue: SearchNode[] = [];
  const seen = new Set<string>();
  const firstReaching = new Map<string, SearchNode>();
  const firstTaking = new Map<string, SearchNode>();
  const remember = (node: SearchNode, newTransitions: readonly string[]) => {
    for (const path of activeStatePaths(node.instance.snapshot.value)) if (!firstReaching.has(path)) firstReaching.set(path, node);
    for (const id of newTransitions) if (!firstTaking.has(id)) firstTaking.set(id, node);
  };
  const enqueue = (node: SearchNode, transitions: readonly string[]) => {
    // Remembered before de-duplication: an internal transition leaves the situation unchanged.
    remember(node, transitions);
    const key = situationKey(node.instance, fields);
    if (seen.has(key)) return;
    seen.add(key);
    if (node.instance.snapshot.status === 'active' && node.steps.length < maxDepth) queue.push(node);
  };
  for (const data of dataVariants(startForm, fields)) {
    const started = start(definition, { parameters: resolved.parameters, input: { data, actor: REQUESTER }, now: DEFAULT_SCENARIO_START });
    const instance = { snapshot: started.snapshot, timers: applyTimerEffects([], started.effects), now: DEFAULT_SCENARIO_START };
    const node = {
      instance,
      steps: [],
      start: data,
      visited: new Set([...activeStatePaths(started.snapshot.value), ...started.transitions.map(sourceOf)]),
      taken: new Set(started.transitions),
    };
    enqueue(node, started.transitions);
  }
  while (queue.length > 0 && seen.size < maxNodes) {
    const node = queue.shift();
    if (node === undefined) break;
    for (const next of successors({ definition, node, fields })) enqueue(next.node, next.transitions);
  }
  return pickScenarios({ definition, firstReaching, firstTaking });
}

function successors(options: {
  definition: WorkflowDefinition;
  node: SearchNode;
  fields: ReadonlySet<string>;
}): Array<{ node: SearchNode; transitions: string[] }> {
  const { definition, node, fields } = options;
  const found: Array<{ node: SearchNode; transitions: string[] }> = [];
  const follow = (options: { instance: SimulatedInstance; transitions: string[]; step: ScenarioStep }) => {
    const visited = new Set([...node.visited, ...activeStatePaths(options.instance.snapshot.value), ...options.transitions.map(sourceOf)]);
    const taken = new Set([...node.taken, ...options.transitions]);
    found.push({
      node: { instance: options.instance, steps: [...node.steps, options.step], start: node.start, visited, taken },
      transitions: options.transitions,
    });
  };
  const due = node.instance.timers[0];
  if (due !== undefined) {
    const ms = Math.max(0, due.dueAt - node.instance.now);
    const advanced = advanceClock({ definition, instance: node.instance, ms });
    const last = advanced.results[advanced.results.length - 1];
    if (last !== undefined)
      follow({
        instance: advanced.instance,
        transitions: advanced.results.flatMap((result) => result.transitions),
        step: { advanceMs: ms, expect: { state: last.stateValue } },
      });
  }
  // The same gap runScenario applies before the event (firing any timer due within it).
  const gap = advanceClock({ definition, instance: node.instance, ms: STEP_GAP_MS });
  if (gap.results.length > 0) return found;
  const later = gap.instance;
  for (const candidate of eventCandidates({ definition, instance: node.instance, fields })) {
    const sent = sendEvent({ definition, instance: later, event: candidate });
    if (!sent.result.changed) continue;
    const step: ScenarioStep = {
      event: candidate.type,
      data: candidate.data,
      actor: candidate.actor,
      advanceMs: STEP_GAP_MS,
      expect: { state: sent.result.stateValue },
    };
    follow({ instance: sent.instance, transitions: sent.result.transitions, step });
  }
  return found;
}

function eventCandidates(options: {
  definition: WorkflowDefinition;
  instance: SimulatedInstance;
  fields: ReadonlySet<string>;
}): Array<{ type: string; data: Record<string, unknown>; actor: Actor }> {
  const { definition, instance, fields } = options;
  const candidates: Array<{ type: string; data: Record<string, unknown>; actor: Actor }> = [];
  const events = new Set<string>();
  for (const path of activeStatePaths(instance.snapshot.value)) {
    for (const [event, transitions] of ownEntries(findState(definition, path)?.on)) {
      if (events.has(event)) continue;
      events.add(event);
      const meta = transitions.find((transition) => transition.meta !== undefined)?.meta;
      const role = meta?.roles?.[0];
      const actor: Actor = role === undefined || role === REQUESTER_ROLE ? REQUESTER : { id: `${role}-1`, roles: [role] };
      const schema = meta?.form === undefined ? undefined : ownValue(definition.forms, meta.form)?.schema;
      for (const data of dataVariants(schema, fields)) candidates.push({ type: event, data, actor });
    }
  }
  return candidates;
}

/** The state, pending timers and the data fields guards read: all that decides what can happen next. */
function situationKey(instance: SimulatedInstance, fields: ReadonlySet<string>): string {
  const data = [...fields].sort().map((field) => JSON.stringify(ownValue(instance.snapshot.context.data, field) ?? null));
  return `${JSON.stringify(instance.snapshot.value)} ${data.join(',')} ${instance.timers.map((timer) => timer.id).join(',')}`;
}

/** Names of the fields any guard reads, as data.x or event.data.x. */
function guardFields(definition: WorkflowDefinition): Set<string> {
  const fields = new Set<string>();
  for (const info of listTransitions(definition)) {
    const expr = info.transition.guard?.type === 'expr' ? info.transition.guard.params?.['expr'] : undefined;
    if (typeof expr !== 'string') continue;
    try {
      for (const reference of expressionReferences(expr)) {
        const segments = reference.split('.');
        const field = segments[0] === 'data' ? segments[1] : segments[0] === 'event' && segments[1] === 'data' ? segments[2] : undefined;
        if (field !== undefined) fields.add(field);
      }
    } catch {
      // An expression that does not parse is lint's business; it simply guides nothing here.
    }
  }
  return fields;
}

function sourceOf(transitionId: string): string {
  return transitionId.slice(0, transitionId.indexOf('#'));
}

function pickScenarios(options: {
  definition: WorkflowDefinition;
  firstReaching: Map<string, SearchNode>;
  firstTaking: Map<string, SearchNode>;
}): Scenario[] {
  const chosen: SearchNode[] = [];
  const covered = { states: new Set<string>(), transitions: new Set<string>() };
  const choose = (node: SearchNode | undefined) => {
    if (node === undefined || chosen.includes(node)) return;
    chosen.push(node);
    node.visited.forEach((path) => covered.states.add(path));
    node.taken.forEach((id) => covered.transitions.add(id));
  };
  const finals = listStates(options.definition).filter((state) => state.kind === 'final');
  finals.forEach((state) => choose(options.firstReaching.get(state.path)));
  for (const [id, node] of options.firstTaking) if (!covered.transitions.has(id)) choose(node);
  for (const [path, node] of options.firstReaching) if (!covered.states.has(path)) choose(node);
  return chosen.map((node, index) => ({
    name: `path ${index + 1}: ${node.instance.snapshot.status === 'done' ? 'ends in' : 'reaches'} ${activeStatePaths(node.instance.snapshot.value).slice(-1)[0] ?? ''}`,
    start: { data: node.start, actor: REQUESTER },
    steps: node.steps,
  }));
}
