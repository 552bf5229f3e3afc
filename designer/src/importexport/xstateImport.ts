import { validateDefinition } from '@estateflow/model';
import { nonEmpty } from '../definition/nonEmpty';
import type { ActionRef, Definition, GuardRef, StateConfig, StateMap, TransitionConfig, TransitionList } from '../definition/types';
import { isRecord } from '../util/isRecord';

/** Built-in action types the engine runs (engine/model/src/machine/plan-effects.ts). */
const KNOWN_ACTIONS = new Set(['notify', 'setData', 'assignTask', 'escalate', 'startChild', 'webhook', 'cancelInstance']);
const KNOWN_GUARDS = new Set(['expr', 'roleIs']);

export interface ImportProblem {
  /** Where in the XState JSON, e.g. `states.review.on.APPROVE[0].guard`. */
  path: string;
  reason: string;
}

export type XStateImport =
  { ok: true; definition: Definition; unmapped: ImportProblem[] } | { ok: false; refused: ImportProblem[]; unmapped: ImportProblem[] };

interface Context {
  refused: ImportProblem[];
  unmapped: ImportProblem[];
}

const looksLikeCode = (value: string) => /=>|function\s*\(|\breturn\b/.test(value);

function mapParams(value: unknown): Record<string, unknown> | undefined {
  return isRecord(value) ? value : undefined;
}

function mapAction(value: unknown, path: string, context: Context): ActionRef | null {
  if (typeof value === 'string') {
    context.refused.push({
      path,
      reason: looksLikeCode(value) ? 'inline code' : `action "${value}" names code the host would have to provide`,
    });
    return null;
  }
  if (!isRecord(value) || typeof value.type !== 'string') {
    context.refused.push({ path, reason: 'an action that is not { type, params } (a function?)' });
    return null;
  }
  if (!KNOWN_ACTIONS.has(value.type)) {
    context.refused.push({ path, reason: `action type "${value.type}" is not a built-in action` });
    return null;
  }
  const params = mapParams(value.params);
  return params ? { type: value.type, params } : { type: value.type };
}

function mapActions(value: unknown, path: string, context: Context): ActionRef[] | undefined {
  if (value === undefined) return undefined;
  const list = Array.isArray(value) ? value : [value];
  return list.map((item, index) => mapAction(item, `${path}[${index}]`, context)).filter((action): action is ActionRef => action !== null);
}

function mapGuard(value: unknown, path: string, context: Context): GuardRef | undefined {
  if (value === undefined) return undefined;
  if (isRecord(value) && typeof value.type === 'string' && KNOWN_GUARDS.has(value.type)) {
    const params = mapParams(value.params);
    return params ? { type: value.type, params } : { type: value.type };
  }
  context.refused.push({
    path,
    reason:
      typeof value === 'string'
        ? `guard "${value}" names code the host would have to provide`
        : 'a guard that is not { type: "expr" | "roleIs", params }',
  });
  return undefined;
}

function mapTransition(value: unknown, path: string, context: Context): TransitionConfig | null {
  if (typeof value === 'string') return { target: value };
  if (!isRecord(value)) {
    context.refused.push({ path, reason: 'a transition that is not a target or an object' });
    return null;
  }
  const transition: TransitionConfig = {};
  if (typeof value.target === 'string') transition.target = value.target;
  else if (Array.isArray(value.target)) {
    const [first] = value.target;
    if (typeof first === 'string') transition.target = first;
    if (value.target.length > 1) context.unmapped.push({ path: `${path}.target`, reason: 'only the first of several targets was kept' });
  }
  const guard = mapGuard(value.guard ?? value.cond, `${path}.guard`, context);
  if (guard) transition.guard = guard;
  const actions = mapActions(value.actions, `${path}.actions`, context);
  if (actions?.length) transition.actions = actions;
  if (typeof value.reenter === 'boolean') transition.reenter = value.reenter;
  if (typeof value.description === 'string') transition.description = value.description;
  for (const key of Object.keys(value))
    if (!['target', 'guard', 'cond', 'actions', 'reenter', 'description', 'meta'].includes(key))
      context.unmapped.push({ path: `${path}.${key}`, reason: 'not part of a workflow transition' });
  return transition;
}

function mapTransitions(value: unknown, path: string, context: Context): TransitionList | undefined {
  const list = Array.isArray(value) ? value : [value];
  return nonEmpty(
    list.map((item, index) => mapTransition(item, `${path}[${index}]`, context)).filter((item): item is TransitionConfig => item !== null),
  );
}

function msToIso(ms: number): string {
  return ms % 3_600_000 === 0
    ? `PT${ms / 3_600_000}H`
    : ms % 60_000 === 0
      ? `PT${ms / 60_000}M`
      : `PT${Math.max(1, Math.round(ms / 1000))}S`;
}

function mapState(value: unknown, path: string, context: Context): StateConfig | null {
  if (!isRecord(value)) {
    context.refused.push({ path, reason: 'a state that is not an object' });
    return null;
  }
  const state: StateConfig = {};
  if (value.type === 'atomic' || value.type === 'compound' || value.type === 'parallel' || value.type === 'final') state.type = value.type;
  else if (value.type === 'history') context.refused.push({ path: `${path}.type`, reason: 'history states are not supported' });
  if (typeof value.initial === 'string') state.initial = value.initial;
  if (typeof value.description === 'string') state.description = value.description;
  if (isRecord(value.states)) state.states = mapStates(value.states, `${path}.states`, context);
  if (isRecord(value.on)) {
    const on: Record<string, TransitionList> = {};
    for (const [event, transitions] of Object.entries(value.on)) {
      const mapped = mapTransitions(transitions, `${path}.on.${event}`, context);
      if (mapped) on[event] = mapped;
    }
    state.on = on;
  }
  if (isRecord(value.after)) {
    const after: Record<string, TransitionList> = {};
    for (const [delay, transitions] of Object.entries(value.after)) {
      const key = /^\d+$/.test(delay) ? msToIso(Number(delay)) : delay;
      const mapped = mapTransitions(transitions, `${path}.after.${delay}`, context);
      if (mapped) after[key] = mapped;
    }
    state.after = after;
  }
  if (value.always !== undefined) state.always = mapTransitions(value.always, `${path}.always`, context);
  if (value.onDone !== undefined) state.onDone = mapTransitions(value.onDone, `${path}.onDone`, context);
  const entry = mapActions(value.entry, `${path}.entry`, context);
  if (entry?.length) state.entry = entry;
  const exit = mapActions(value.exit, `${path}.exit`, context);
  if (exit?.length) state.exit = exit;
  if (value.invoke !== undefined) context.refused.push({ path: `${path}.invoke`, reason: 'invoked services are code' });
  for (const key of ['tags', 'meta', 'id', 'output', 'context'])
    if (value[key] !== undefined) context.unmapped.push({ path: `${path}.${key}`, reason: 'not mapped' });
  return state;
}

function mapStates(value: Record<string, unknown>, path: string, context: Context): StateMap {
  const states: StateMap = {};
  for (const [key, state] of Object.entries(value)) {
    const mapped = mapState(state, `${path}.${key}`, context);
    if (mapped) states[key] = mapped;
  }
  return states;
}

/**
 * An XState v5 machine config (JSON) as a workflow definition: states, transitions, timers and
 * built-in actions map; code (named implementations, functions, invoke) is refused with where it
 * is, and then nothing is imported at all.
 */
export function importXStateMachine(json: unknown): XStateImport {
  const context: Context = { refused: [], unmapped: [] };
  if (!isRecord(json) || !isRecord(json.states))
    return { ok: false, refused: [{ path: '', reason: 'not a machine config with states' }], unmapped: [] };
  const id = typeof json.id === 'string' && /^[A-Za-z][A-Za-z0-9_]*$/.test(json.id) ? json.id : 'imported';
  const states = mapStates(json.states, 'states', context);
  const initial = typeof json.initial === 'string' ? json.initial : (Object.keys(states)[0] ?? '');
  for (const key of ['context', 'actions', 'guards', 'actors', 'delays', 'invoke', 'entry', 'exit', 'on', 'after', 'types']) {
    if (json[key] !== undefined)
      (key === 'context' || key === 'types' ? context.unmapped : context.refused).push({
        path: key,
        reason: key === 'context' ? 'workflow data comes from forms' : 'not supported at the machine root',
      });
  }
  if (context.refused.length) return { ok: false, refused: context.refused, unmapped: context.unmapped };
  const candidate: Definition = {
    formatVersion: 1,
    key: id.toLowerCase(),
    name: { 'zh-CN': id, en: id },
    machine: { id, initial, states },
    forms: {},
    parameters: { type: 'object', properties: {} },
    tests: [],
  };
  const checked = validateDefinition(JSON.parse(JSON.stringify(candidate)));
  if (!checked.ok)
    return { ok: false, refused: checked.errors.map((error) => ({ path: error.path, reason: error.message })), unmapped: context.unmapped };
  return { ok: true, definition: checked.definition, unmapped: context.unmapped };
}
