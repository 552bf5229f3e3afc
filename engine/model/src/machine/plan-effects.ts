import type { ExecutableActionObject } from 'xstate';
import { evaluateExpression, type ExpressionScope } from '../expressions/evaluate-expression.js';
import type { LocalizedText } from '../generated/definition.js';
import { isRecord, ownEntries } from '../util/records.js';
import { TRACE_ACTION } from './compile-machine.js';
import type { Effect, ResolvedAssignee, ResolvedRecipient } from './effects.js';
import { expressionScopeOf } from './expression-scope.js';
import type { WorkflowContext } from './workflow-context.js';

export interface PlannedStep {
  effects: Effect[];
  /** Ids of the transitions taken, in order. */
  transitions: string[];
}

/** Turns the actions XState's pure transition returned into planned effects. */
export function planEffects(options: { actions: readonly ExecutableActionObject[]; now: number }): PlannedStep {
  const effects: Effect[] = [];
  const transitions: string[] = [];
  let transition: string | undefined;
  for (const action of options.actions) {
    const params = isRecord(action.params) ? action.params : {};
    if (action.type === TRACE_ACTION) {
      transition = typeof params['transition'] === 'string' ? params['transition'] : undefined;
      if (transition !== undefined) transitions.push(transition);
      continue;
    }
    const origin = transition === undefined ? {} : { transition };
    const where = whereOf(action);
    for (const effect of effectsOf({ type: action.type, params, where, now: options.now })) effects.push({ ...effect, ...origin });
  }
  return { effects, transitions };
}

/** Where an action runs: the expression scope at that point and the instance's requester. */
export interface ActionSite {
  scope: ExpressionScope | undefined;
  requesterId: string | null;
}

function whereOf(action: ExecutableActionObject): ActionSite {
  const context: unknown = action.info.context;
  if (!isRecord(context) || !isRecord(context['data']) || !isRecord(context['params']) || typeof context['startedAt'] !== 'number')
    return { scope: undefined, requesterId: null };
  const requester =
    isRecord(context['requester']) && typeof context['requester']['id'] === 'string' ? { id: context['requester']['id'], roles: [] } : null;
  const workflowContext: WorkflowContext = { data: context['data'], params: context['params'], requester, startedAt: context['startedAt'] };
  return { scope: expressionScopeOf(workflowContext, action.info.event), requesterId: requester?.id ?? null };
}

function effectsOf(options: { type: string; params: Record<string, unknown>; where: ActionSite; now: number }): Effect[] {
  const { type, params, where, now } = options;
  const { scope } = where;
  switch (type) {
    case 'xstate.raise': {
      const event = isRecord(params['event']) && typeof params['event']['type'] === 'string' ? params['event']['type'] : undefined;
      const delay = params['delay'];
      if (typeof delay !== 'number' || typeof params['id'] !== 'string' || event === undefined) return [];
      return [{ kind: 'schedule', id: params['id'], delayMs: delay, dueAt: now + delay, event }];
    }
    case 'xstate.cancel':
      return typeof params['sendId'] === 'string' ? [{ kind: 'cancelSchedule', id: params['sendId'] }] : [];
    case 'notify':
      return [
        {
          kind: 'notify',
          template: String(params['template']),
          to: recipients(params['to'], where),
          channels: stringList(params['channels']),
        },
      ];
    case 'assignTask': {
      const assignee = resolveAssignee(params['assignee'], where);
      if (assignee === undefined) return [];
      const reason =
        typeof params['reason'] === 'string' && scope !== undefined ? String(evaluateExpression(params['reason'], scope)) : undefined;
      return [reason === undefined ? { kind: 'assignTask', assignee } : { kind: 'assignTask', assignee, reason }];
    }
    case 'escalate': {
      const role = isRecord(params['to']) && typeof params['to']['role'] === 'string' ? params['to']['role'] : 'estate_manager';
      const level = typeof params['level'] === 'number' ? params['level'] : 1;
      const effect: Effect = { kind: 'escalate', to: { role }, level };
      if (typeof params['template'] === 'string') effect.template = params['template'];
      const reason = localized(params['reason']);
      if (reason !== undefined) effect.reason = reason;
      return [effect];
    }
    case 'startChild':
      return startChildren({ params, scope });
    case 'webhook':
      return [{ kind: 'webhook', event: String(params['event']), payload: mapExpressions(params['payload'], scope) }];
    case 'cancelInstance': {
      const reason = localized(params['reason']);
      return [reason === undefined ? { kind: 'cancelInstance' } : { kind: 'cancelInstance', reason }];
    }
    case 'registerResident':
      return [registerResident({ params, scope })];
    default:
      // setData is applied by XState itself; other xstate.* actions carry no effect for the engine.
      return [];
  }
}

function registerResident(options: { params: Record<string, unknown>; scope: ExpressionScope | undefined }): Effect {
  const { params, scope } = options;
  const residencyKind = params['kind'] === 'tenant' ? 'tenant' : 'owner';
  const person: Extract<Effect, { kind: 'registerResident' }>['person'] =
    params['person'] === 'requester' ? { kind: 'requester' } : { kind: 'person', personId: idOf(params['person'], scope) };
  const effect: Effect = { kind: 'registerResident', unitId: idOf(params['unit'], scope), person, residencyKind };
  const moveInAt =
    typeof params['moveInAt'] === 'string' && scope !== undefined ? evaluateExpression(params['moveInAt'], scope) : undefined;
  // An empty or non-text date means "not known": the engine then uses the time it registers.
  if (typeof moveInAt === 'string' && moveInAt.length > 0) effect.moveInAt = moveInAt;
  return effect;
}

function idOf(expression: unknown, scope: ExpressionScope | undefined): string | null {
  const id = userOf(expression, scope);
  return id === undefined || id.length === 0 ? null : id;
}

function startChildren(options: { params: Record<string, unknown>; scope: ExpressionScope | undefined }): Effect[] {
  const { params, scope } = options;
  const workflowKey = String(params['workflowKey']);
  if (typeof params['forEach'] !== 'string' || scope === undefined) {
    return [{ kind: 'startChild', workflowKey, data: mapExpressions(params['data'], scope), index: 0 }];
  }
  const items = evaluateExpression(params['forEach'], scope);
  if (!Array.isArray(items)) return [];
  return items.map((item: unknown, index) => ({
    kind: 'startChild',
    workflowKey,
    data: mapExpressions(params['data'], { ...scope, item }),
    index,
  }));
}

function mapExpressions(mapping: unknown, scope: ExpressionScope | undefined): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  if (!isRecord(mapping) || scope === undefined) return result;
  for (const [key, expression] of ownEntries(mapping)) {
    if (typeof expression === 'string') result[key] = evaluateExpression(expression, scope);
  }
  return result;
}

function recipients(value: unknown, where: ActionSite): ResolvedRecipient[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown): ResolvedRecipient[] => {
    if (!isRecord(entry)) return [];
    if (typeof entry['role'] === 'string') return [{ kind: 'role', role: entry['role'] }];
    if (entry['requester'] === true) return [{ kind: 'requester', userId: where.requesterId }];
    if (entry['assignee'] === true) return [{ kind: 'assignee' }];
    const userId = userOf(entry['user'], where.scope);
    return userId === undefined ? [] : [{ kind: 'user', userId }];
  });
}

/** Resolves an assignee (state task or assignTask action) against the scope. */
export function resolveAssignee(value: unknown, where: ActionSite): ResolvedAssignee | undefined {
  if (!isRecord(value)) return undefined;
  const role = typeof value['role'] === 'string' ? value['role'] : undefined;
  if ((value['rule'] === 'leastBusy' || value['rule'] === 'roundRobin') && role !== undefined) {
    return { kind: 'rule', rule: value['rule'], role, by: value['by'] === 'building' ? 'building' : 'estate' };
  }
  if (role !== undefined) return { kind: 'role', role };
  if (value['requester'] === true) return { kind: 'requester', userId: where.requesterId };
  const userId = userOf(value['user'], where.scope);
  return userId === undefined ? undefined : { kind: 'user', userId };
}

function userOf(expression: unknown, scope: ExpressionScope | undefined): string | undefined {
  if (typeof expression !== 'string' || scope === undefined) return undefined;
  const value = evaluateExpression(expression, scope);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function localized(value: unknown): LocalizedText | undefined {
  if (!isRecord(value) || typeof value['zh-CN'] !== 'string') return undefined;
  return typeof value['en'] === 'string' ? { 'zh-CN': value['zh-CN'], en: value['en'] } : { 'zh-CN': value['zh-CN'] };
}
