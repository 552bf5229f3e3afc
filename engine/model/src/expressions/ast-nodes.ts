import type { ASTNode } from '@marcbachmann/cel-js';

export function isAstNode(value: unknown): value is ASTNode {
  return typeof value === 'object' && value !== null && 'op' in value && 'args' in value && typeof Reflect.get(value, 'op') === 'string';
}

/** The direct child nodes of a node, whatever its operator keeps them in. */
export function childNodes(node: ASTNode): ASTNode[] {
  const children: ASTNode[] = [];
  const pending: unknown[] = [node.args];
  while (pending.length > 0) {
    const value = pending.pop();
    if (isAstNode(value)) children.push(value);
    else if (Array.isArray(value)) pending.push(...value);
  }
  return children;
}

/** "data.quote.amount" for a member chain rooted at a variable, else undefined. */
export function memberPath(node: ASTNode): string[] | undefined {
  switch (node.op) {
    case 'id':
      return [node.args];
    case '.':
    case '.?': {
      const base = memberPath(node.args[0]);
      return base === undefined ? undefined : [...base, node.args[1]];
    }
    case '[]':
    case '[?]': {
      const base = memberPath(node.args[0]);
      const index = node.args[1];
      return base !== undefined && index.op === 'value' && typeof index.args === 'string' ? [...base, index.args] : undefined;
    }
    default:
      return undefined;
  }
}
