import type { SlaDuration } from '../generated/definition.js';
import { evaluateCondition, type ExpressionScope } from '../expressions/evaluate-expression.js';
import { isDurationByCase } from './is-duration-by-case.js';
import { resolveDuration, type DurationResolution } from './resolve-duration.js';

/** `noCase`: a by-case SLA where no case held and there is no `otherwise` — the task has no SLA. */
export type SlaDurationResolution = DurationResolution | { ok: false; reason: 'noCase' };

/**
 * Milliseconds of a task's SLA for one instance. A by-case SLA takes the first case whose `when`
 * holds, judged like a guard (an expression that fails, e.g. on a field not filled yet, is false).
 */
export function resolveSlaDuration(input: { duration: SlaDuration; scope: ExpressionScope }): SlaDurationResolution {
  const { duration, scope } = input;
  if (!isDurationByCase(duration)) return resolveDuration(duration, scope.params);
  for (const option of duration.cases) {
    if (evaluateCondition(option.when, scope)) return resolveDuration(option.duration, scope.params);
  }
  return duration.otherwise === undefined ? { ok: false, reason: 'noCase' } : resolveDuration(duration.otherwise, scope.params);
}
