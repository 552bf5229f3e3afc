import { assign, setup, type AnyStateMachine } from 'xstate';
import type { ActionList, StateNode, TransitionList, WorkflowDefinition } from '../generated/definition.js';
import { resolveDuration } from '../durations/resolve-duration.js';
import { evaluateCondition } from '../expressions/evaluate-expression.js';
import { isRecord, ownEntries, ownValue } from '../util/records.js';
import { expressionScopeOf } from './expression-scope.js';
import { definitionFingerprint } from './fingerprint.js';
import { applySetData } from './set-data.js';
import { listTransitions, resolveTarget, stateKind } from './state-tree.js';
import type { WorkflowContext, WorkflowEvent, WorkflowInput } from './workflow-context.js';

/** The marker action put first on every transition so a step can tell which transitions it took. */
export const TRACE_ACTION = 'estateflow.trace';

/** Side-effect actions: the model does not run them; a step returns them as planned effects. */
const EFFECT_ACTIONS = ['notify', 'assignTask', 'escalate', 'startChild', 'webhook', 'cancelInstance', 'registerResident'] as const;

export class DefinitionCompileError extends Error {
  override readonly name = 'DefinitionCompileError';
}

export interface CompiledWorkflow {
  definition: WorkflowDefinition;
  machine: AnyStateMachine;
  fingerprint: string;
}

const compiled = new WeakMap<WorkflowDefinition, CompiledWorkflow>();

/**
 * Compiles a definition to an XState v5 machine (cached per definition object: treat
 * definitions as immutable). `parameters` are the defaults for instances started without any.
 * Throws DefinitionCompileError for a definition lint would reject (unknown target, bad delay).
 */
export function compileMachine(definition: WorkflowDefinition, options: { parameters?: Record<string, unknown> } = {}): CompiledWorkflow {
  const cached = compiled.get(definition);
  if (cached !== undefined && options.parameters === undefined) return cached;
  const defaults = options.parameters ?? {};
  const noop = () => undefined;
  // Action, guard and delay names are strings from the definition, not literal unions.
  const machine = setup<
    WorkflowContext,
    WorkflowEvent,
    {},
    {},
    Record<string, unknown>,
    Record<string, unknown>,
    string,
    string,
    WorkflowInput
  >({
    // Keyed by string (not a literal union) so that a definition's action names type-check.
    actions: Object.fromEntries([['setData', setDataAction], [TRACE_ACTION, noop], ...EFFECT_ACTIONS.map((type) => [type, noop])]),
    guards: GUARD_IMPLEMENTATIONS,
    delays: delayImplementations(definition),
  }).createMachine({
    id: definition.machine.id,
    initial: definition.machine.initial,
    // XState's pure transition() builds an inert actor whose initial context it computes without
    // input and then discards; give it an empty one (reading `input.data` threw, and a thrown and
    // caught error on every event cost the engine ≈ 0.3 ms of CPU per event).
    context: ({ input }: { input: WorkflowInput | undefined }) =>
      input === undefined
        ? { data: {}, params: { ...defaults }, requester: null, startedAt: 0 }
        : {
            data: structuredClone(input.data),
            params: { ...defaults, ...input.params },
            requester: input.requester,
            startedAt: input.now,
          },
    states: convertStates({ definition, parentPath: undefined, states: definition.machine.states }),
  });
  const result = { definition, machine, fingerprint: definitionFingerprint(definition) };
  if (options.parameters === undefined) compiled.set(definition, result);
  return result;
}

const setDataAction = assign<WorkflowContext, WorkflowEvent, unknown, WorkflowEvent, never>(({ context, event }, params) => ({
  data: applySetData({ params, scope: expressionScopeOf(context, event) }),
}));

type GuardImplementation = (args: { context: WorkflowContext; event: WorkflowEvent }, params: unknown) => boolean;

// Keyed by string (not a literal union) so that a definition's guard names type-check; lint
// guarantees they are among these.
const GUARD_IMPLEMENTATIONS: Record<string, GuardImplementation> = {
  expr: ({ context, event }, params) =>
    isRecord(params) && typeof params['expr'] === 'string' && evaluateCondition(params['expr'], expressionScopeOf(context, event)),
  roleIs: ({ context, event }, params) => roleIs({ context, event, params }),
};

function roleIs(options: { context: WorkflowContext; event: WorkflowEvent; params: unknown }): boolean {
  const { context, event, params } = options;
  if (!isRecord(params) || !Array.isArray(params['roles'])) return false;
  const wanted = params['roles'];
  const actor = expressionScopeOf(context, event).actor;
  if (wanted.includes('requester') && context.requester !== null && actor.id === context.requester.id) return true;
  return actor.roles.some((role) => wanted.includes(role));
}

type DelayResolver = (args: { context: WorkflowContext }) => number;

function delayImplementations(definition: WorkflowDefinition): Record<string, DelayResolver> {
  const delays: Record<string, DelayResolver> = {};
  for (const info of listTransitions(definition)) {
    if (info.trigger.kind !== 'after') continue;
    const key = info.trigger.delay;
    const duration = ownValue(definition.delays, key) ?? key;
    if (typeof duration === 'string' && resolveDuration(duration, {}).ok === false) {
      throw new DefinitionCompileError(`delay "${key}" in ${info.sourcePath} is neither a declared delay nor an ISO 8601 duration`);
    }
    delays[key] = ({ context }) => {
      const resolved = resolveDuration(duration, context.params);
      if (!resolved.ok) throw new DefinitionCompileError(`delay "${key}" cannot be resolved: ${resolved.reason}`);
      return resolved.ms;
    };
  }
  return delays;
}

type XStateAction = { type: string; params: Record<string, unknown> };
type XStateTransition = {
  target?: string;
  guard?: { type: string; params: Record<string, unknown> };
  actions: XStateAction[];
  reenter?: boolean;
  meta?: Record<string, unknown>;
};
interface XStateStateConfig {
  type?: 'atomic' | 'compound' | 'parallel' | 'final';
  initial?: string;
  states?: Record<string, XStateStateConfig>;
  on?: Record<string, XStateTransition[]>;
  always?: XStateTransition[];
  after?: Record<string, XStateTransition[]>;
  onDone?: XStateTransition[];
  entry?: XStateAction[];
  exit?: XStateAction[];
  meta?: Record<string, unknown>;
}

function convertStates(options: {
  definition: WorkflowDefinition;
  parentPath: string | undefined;
  states: Record<string, StateNode | undefined>;
}): Record<string, XStateStateConfig> {
  const result: Record<string, XStateStateConfig> = {};
  for (const [name, node] of ownEntries(options.states)) {
    const path = options.parentPath === undefined ? name : `${options.parentPath}.${name}`;
    result[name] = convertState({ definition: options.definition, path, node });
  }
  return result;
}

function convertState(options: { definition: WorkflowDefinition; path: string; node: StateNode }): XStateStateConfig {
  const { definition, path, node } = options;
  const kind = stateKind(node);
  const config: XStateStateConfig = { type: kind };
  if (node.initial !== undefined) config.initial = node.initial;
  if (node.states !== undefined && kind !== 'atomic' && kind !== 'final')
    config.states = convertStates({ definition, parentPath: path, states: node.states });
  const transitions = (key: string, list: TransitionList | undefined) =>
    (list ?? []).map((transition, index) => {
      const converted: XStateTransition = {
        actions: [{ type: TRACE_ACTION, params: { transition: `${path}#${key}.${index}` } }, ...convertActions(transition.actions)],
      };
      if (transition.target !== undefined) {
        const target = resolveTarget({ definition, sourcePath: path, target: transition.target });
        if (target === null) throw new DefinitionCompileError(`unknown target "${transition.target}" in ${path}`);
        converted.target = `#${definition.machine.id}.${target}`;
      }
      if (transition.guard !== undefined) converted.guard = { type: transition.guard.type, params: transition.guard.params ?? {} };
      if (transition.reenter !== undefined) converted.reenter = transition.reenter;
      return converted;
    });
  if (node.on !== undefined)
    config.on = Object.fromEntries(ownEntries(node.on).map(([event, list]) => [event, transitions(`on.${event}`, list)]));
  if (node.always !== undefined) config.always = transitions('always', node.always);
  if (node.after !== undefined)
    config.after = Object.fromEntries(ownEntries(node.after).map(([delay, list]) => [delay, transitions(`after.${delay}`, list)]));
  if (node.onDone !== undefined) config.onDone = transitions('onDone', node.onDone);
  if (node.entry !== undefined) config.entry = convertActions(node.entry);
  if (node.exit !== undefined) config.exit = convertActions(node.exit);
  return config;
}

function convertActions(actions: ActionList | undefined): XStateAction[] {
  return (actions ?? []).map((action) => ({ type: action.type, params: action.params ?? {} }));
}
