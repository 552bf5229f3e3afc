// Walks a parsed JSON value without recursion, so that a hostile 100,000-deep document
// is measured (and refused) instead of overflowing the stack of whoever reads it next.

export interface JsonLimits {
  maxDepth: number;
  maxNodes: number;
  maxStringLength: number;
}

export type JsonMeasure = { ok: true; depth: number; nodes: number } | { ok: false; reason: 'depth' | 'nodes' | 'string' | 'value' };

export function measureJson(value: unknown, limits: JsonLimits): JsonMeasure {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 1 }];
  let nodes = 0;
  let maxDepth = 0;
  while (stack.length > 0) {
    const top = stack.pop();
    if (top === undefined) break;
    nodes += 1;
    if (nodes > limits.maxNodes) return { ok: false, reason: 'nodes' };
    if (top.depth > limits.maxDepth) return { ok: false, reason: 'depth' };
    maxDepth = Math.max(maxDepth, top.depth);
    const current = top.value;
    if (typeof current === 'string') {
      if (current.length > limits.maxStringLength) return { ok: false, reason: 'string' };
    } else if (Array.isArray(current)) {
      for (const item of current) stack.push({ value: item, depth: top.depth + 1 });
    } else if (typeof current === 'object' && current !== null) {
      for (const key of Object.keys(current)) {
        if (key.length > limits.maxStringLength) return { ok: false, reason: 'string' };
        stack.push({ value: Reflect.get(current, key), depth: top.depth + 1 });
      }
    } else if (typeof current === 'function' || typeof current === 'symbol' || typeof current === 'bigint') {
      return { ok: false, reason: 'value' };
    }
  }
  return { ok: true, depth: maxDepth, nodes };
}
