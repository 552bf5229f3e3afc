import { listStates, type StateValueJson, type WorkflowDefinition } from '@estateflow/model';

export interface StateMappingEntry {
  /** A leaf state path of the old version. */
  from: string;
  /** Where an instance there goes in the new version, or null when nothing fits. */
  to: string | null;
  reason: 'sameId' | 'sameLabel' | 'given' | 'none';
}

/**
 * Proposes where each state of the old version lands in the new one: the same path when it
 * still exists, else the one state whose zh-CN label is the same (a rename), else nothing.
 * `given` mappings (from a person) win. Compound targets resolve to their initial leaf.
 */
export function proposeStateMapping(options: {
  from: WorkflowDefinition;
  to: WorkflowDefinition;
  given?: Record<string, string>;
}): StateMappingEntry[] {
  const toStates = listStates(options.to);
  const toPaths = new Set(toStates.map((state) => state.path));
  const initialLeaf = (path: string): string => {
    let current = path;
    for (;;) {
      const child = toStates.find((state) => state.parentPath === current && state.initial);
      if (child === undefined) return current;
      current = child.path;
    }
  };
  return listStates(options.from)
    .filter((state) => state.kind === 'atomic' || state.kind === 'final')
    .map((state): StateMappingEntry => {
      const given =
        options.given === undefined
          ? undefined
          : Object.prototype.hasOwnProperty.call(options.given, state.path)
            ? options.given[state.path]
            : undefined;
      if (given !== undefined)
        return { from: state.path, to: toPaths.has(given) ? initialLeaf(given) : null, reason: toPaths.has(given) ? 'given' : 'none' };
      if (toPaths.has(state.path)) return { from: state.path, to: initialLeaf(state.path), reason: 'sameId' };
      const label = state.node.meta?.label?.['zh-CN'];
      const sameLabel = label === undefined ? [] : toStates.filter((candidate) => candidate.node.meta?.label?.['zh-CN'] === label);
      // A compound state and its initial child often share a label: the outermost one stands for both.
      const outermost = sameLabel.filter((candidate) => !sameLabel.some((other) => candidate.path.startsWith(`${other.path}.`)));
      const only = outermost.length === 1 ? outermost[0] : undefined;
      if (only !== undefined) return { from: state.path, to: initialLeaf(only.path), reason: 'sameLabel' };
      return { from: state.path, to: null, reason: 'none' };
    });
}

/** A state value built from leaf paths ("a.b" → { a: "b" }; "p.r1.x", "p.r2.y" → { p: { r1: "x", r2: "y" } }). */
export function stateValueFromLeaves(leaves: readonly string[]): StateValueJson {
  return valueOf(leaves.map((leaf) => leaf.split('.')));
}

function valueOf(paths: string[][]): StateValueJson {
  const [first] = paths;
  if (paths.length === 1 && first !== undefined && first.length === 1) return first[0] ?? '';
  const result: { [name: string]: StateValueJson } = {};
  const heads = [...new Set(paths.map((path) => path[0] ?? ''))];
  for (const head of heads) {
    const rests = paths
      .filter((path) => path[0] === head)
      .map((path) => path.slice(1))
      .filter((rest) => rest.length > 0);
    result[head] = rests.length === 0 ? head : valueOf(rests);
  }
  return result;
}
