import type { ASTNode } from '@marcbachmann/cel-js';
import { childNodes, memberPath } from './ast-nodes.js';
import { SCOPE_VARIABLES } from './cel-environment.js';
import { parseExpression } from './parse-expression.js';

const scopeVariables: ReadonlySet<string> = new Set(SCOPE_VARIABLES);

/**
 * The scope paths an expression reads, longest chains only: `data.urgency == "x" && params.allow`
 * gives ["data.urgency", "params.allow"]. Macro variables (the `i` of `exists(i, …)`) are left out.
 * Throws ExpressionError when the expression does not parse.
 */
export function expressionReferences(expression: string): string[] {
  const found = new Set<string>();
  const pending: ASTNode[] = [parseExpression(expression).ast];
  while (pending.length > 0) {
    const node = pending.pop();
    if (node === undefined) break;
    const path = memberPath(node);
    if (path !== undefined && path[0] !== undefined && scopeVariables.has(path[0])) {
      found.add(path.join('.'));
      continue;
    }
    pending.push(...childNodes(node));
  }
  return [...found].sort();
}
