import type { ExpressionScope } from '../expressions/evaluate-expression.js';
import { isRecord } from '../util/records.js';
import { SYSTEM_ACTOR, type WorkflowContext } from './workflow-context.js';

/**
 * The scope an expression sees inside the machine. XState hands actions and guards the event of
 * the macrostep; the init event carries no clock, so the start time stands in for it.
 */
export function expressionScopeOf(context: WorkflowContext, event: unknown): ExpressionScope {
  if (!isRecord(event))
    return { data: context.data, params: context.params, event: { type: '', data: {} }, now: context.startedAt, actor: SYSTEM_ACTOR };
  const type = typeof event['type'] === 'string' ? event['type'] : '';
  const data = isRecord(event['data']) ? event['data'] : {};
  const now = typeof event['now'] === 'number' ? event['now'] : context.startedAt;
  const actor = readActor(event['actor']) ?? SYSTEM_ACTOR;
  return { data: context.data, params: context.params, event: { type, data }, now, actor };
}

function readActor(value: unknown): ExpressionScope['actor'] | undefined {
  if (!isRecord(value) || typeof value['id'] !== 'string') return undefined;
  const roles = Array.isArray(value['roles']) ? value['roles'].filter((role): role is string => typeof role === 'string') : [];
  return { id: value['id'], roles };
}
