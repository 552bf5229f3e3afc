import type { ASTNode, ParseResult } from '@marcbachmann/cel-js';
import { childNodes } from './ast-nodes.js';
import { EXPRESSION_LIMITS, runtimeEnvironment } from './cel-environment.js';
import { ExpressionError } from './expression-error.js';

/** Names that reach a JavaScript prototype in most languages; refused wherever they appear. */
const FORBIDDEN_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const cache = new Map<string, ParseResult>();
const CACHE_LIMIT = 2000;

/** Parses a CEL expression (cached), refusing over-long text and prototype names. Throws ExpressionError. */
export function parseExpression(expression: string): ParseResult {
  const cached = cache.get(expression);
  if (cached !== undefined) return cached;
  if (expression.length > EXPRESSION_LIMITS.maxLength) {
    throw new ExpressionError({
      code: 'tooLong',
      expression: expression.slice(0, 80),
      message: `expression longer than ${EXPRESSION_LIMITS.maxLength} characters`,
    });
  }
  let parsed: ParseResult;
  try {
    parsed = runtimeEnvironment().parse(expression);
  } catch (error: unknown) {
    throw new ExpressionError({ code: 'syntax', expression, message: firstLine(error) });
  }
  const forbidden = findForbiddenName(parsed.ast);
  if (forbidden !== undefined) {
    throw new ExpressionError({ code: 'unsafe', expression, message: `"${forbidden}" may not be used in an expression` });
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(expression, parsed);
  return parsed;
}

function findForbiddenName(root: ASTNode): string | undefined {
  const pending: ASTNode[] = [root];
  while (pending.length > 0) {
    const node = pending.pop();
    if (node === undefined) break;
    const name = nameIn(node);
    if (name !== undefined && FORBIDDEN_NAMES.has(name)) return name;
    pending.push(...childNodes(node));
  }
  return undefined;
}

function nameIn(node: ASTNode): string | undefined {
  switch (node.op) {
    case 'id':
      return node.args;
    case '.':
    case '.?':
      return node.args[1];
    case 'value':
      return typeof node.args === 'string' ? node.args : undefined;
    default:
      return undefined;
  }
}

export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
