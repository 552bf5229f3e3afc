import { evaluateExpression, type ExpressionScope } from '../expressions/evaluate-expression.js';
import { ExpressionError } from '../expressions/expression-error.js';
import { isRecord, ownEntries } from '../util/records.js';

const FORBIDDEN_SEGMENTS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The data after a `setData` action: event form data merged first (when asked), then each
 * assignment evaluated against the scope as it was before the action. Returns a new object;
 * the input is never mutated. Throws ExpressionError for a failing assignment.
 */
export function applySetData(options: { params: unknown; scope: ExpressionScope }): Record<string, unknown> {
  const { params, scope } = options;
  const next: Record<string, unknown> = structuredClone({ ...scope.data });
  if (!isRecord(params)) return next;
  if (params['mergeEventData'] === true) {
    for (const [key, value] of Object.entries(scope.event.data)) {
      if (!FORBIDDEN_SEGMENTS.has(key)) next[key] = structuredClone(value);
    }
  }
  const assign = isRecord(params['assign']) ? params['assign'] : {};
  for (const [path, expression] of ownEntries(assign)) {
    if (typeof expression !== 'string') continue;
    writePath({ target: next, path, value: evaluateExpression(expression, scope), expression });
  }
  return next;
}

function writePath(options: { target: Record<string, unknown>; path: string; value: unknown; expression: string }): void {
  const segments = options.path.split('.');
  if (segments.some((segment) => FORBIDDEN_SEGMENTS.has(segment) || segment === '')) {
    throw new ExpressionError({ code: 'unsafe', expression: options.expression, message: `cannot assign to "${options.path}"` });
  }
  let cursor = options.target;
  segments.forEach((segment, index) => {
    if (index === segments.length - 1) {
      cursor[segment] = options.value;
      return;
    }
    const existing = Object.prototype.hasOwnProperty.call(cursor, segment) ? cursor[segment] : undefined;
    const child: Record<string, unknown> = isRecord(existing) ? existing : {};
    cursor[segment] = child;
    cursor = child;
  });
}
