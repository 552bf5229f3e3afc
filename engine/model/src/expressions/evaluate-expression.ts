import { ExpressionError } from './expression-error.js';
import { firstLine, parseExpression } from './parse-expression.js';
import { toJsonValue } from './to-json-value.js';

/** What an expression sees. `now` is milliseconds since the epoch, injected by the caller. */
export interface ExpressionScope {
  data: Readonly<Record<string, unknown>>;
  event: { type: string; data: Readonly<Record<string, unknown>> };
  params: Readonly<Record<string, unknown>>;
  now: number;
  /** Who sent the event; timers and the engine itself are `{ id: "system", roles: [] }`. */
  actor: { id: string; roles: readonly string[] };
  /** The element of a startChild `forEach` list. */
  item?: unknown;
}

/** Evaluates an expression to a JSON value. Throws ExpressionError. */
export function evaluateExpression(expression: string, scope: ExpressionScope): unknown {
  const parsed = parseExpression(expression);
  let value: unknown;
  try {
    value = parsed({ ...scope, item: scope.item ?? null });
  } catch (error: unknown) {
    throw new ExpressionError({ code: 'evaluation', expression, message: firstLine(error) });
  }
  return toJsonValue(value, expression);
}

/** V8 (Node, Chromium) reads `Error.stackTraceLimit`; other engines ignore it. */
const V8Error: ErrorConstructor & { stackTraceLimit?: number } = Error;

/** A guard's verdict: true only for the boolean true; errors (a missing field) count as false. */
export function evaluateCondition(expression: string, scope: ExpressionScope): boolean {
  // A guard on a field not filled yet is an ordinary false, not a fault to trace: capturing two
  // stack traces (the evaluator's error and ours) per such guard was most of a step's CPU.
  const stackTraceLimit = V8Error.stackTraceLimit;
  V8Error.stackTraceLimit = 0;
  try {
    return evaluateExpression(expression, scope) === true;
  } catch (error: unknown) {
    if (error instanceof ExpressionError) return false;
    throw error;
  } finally {
    V8Error.stackTraceLimit = stackTraceLimit;
  }
}
