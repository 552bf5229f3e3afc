import { findState, parentPathOf } from '../machine/state-tree.js';
import { ownEntries } from '../util/records.js';
import { transitionTarget, type LintContext } from './lint-context.js';

/** initialState, unknownTarget, unreachableState, deadEnd, finalWithTransitions, ambiguousTransition. */
export function lintStructure(context: LintContext): void {
  lintInitialStates(context);
  for (const info of context.transitions) {
    if (info.targetPath === null) {
      context.report({
        severity: 'error',
        code: 'unknownTarget',
        zh: `目标状态 "${info.transition.target ?? ''}" 不存在`,
        en: `target state "${info.transition.target ?? ''}" does not exist`,
        target: transitionTarget(info),
      });
    }
  }
  lintReachability(context);
  lintDeadEnds(context);
  lintAmbiguity(context);
}

function lintInitialStates(context: LintContext): void {
  const { definition } = context;
  if (findState(definition, definition.machine.initial) === undefined) {
    context.report({
      severity: 'error',
      code: 'initialState',
      zh: `初始状态 "${definition.machine.initial}" 不存在`,
      en: `initial state "${definition.machine.initial}" does not exist`,
      target: { kind: 'definition' },
    });
  }
  for (const state of context.states) {
    const children = Object.keys(state.node.states ?? {});
    if (state.kind === 'compound' && (state.node.initial === undefined || !children.includes(state.node.initial))) {
      context.report({
        severity: 'error',
        code: 'initialState',
        zh: `复合状态 "${state.path}" 缺少有效的初始子状态`,
        en: `compound state "${state.path}" needs a valid initial child`,
        target: { kind: 'state', statePath: state.path },
      });
    }
    if (state.kind === 'parallel' && children.length < 2) {
      context.report({
        severity: 'error',
        code: 'parallelRegions',
        zh: `并行状态 "${state.path}" 至少需要两个区域`,
        en: `parallel state "${state.path}" needs at least two regions`,
        target: { kind: 'state', statePath: state.path },
      });
    }
    const hasTransitions = Object.keys(state.node.on ?? {}).length > 0 || state.node.always !== undefined || state.node.after !== undefined;
    if (state.kind === 'final' && (hasTransitions || children.length > 0)) {
      context.report({
        severity: 'warning',
        code: 'finalWithTransitions',
        zh: `终态 "${state.path}" 的转换和子状态不会生效`,
        en: `final state "${state.path}" ignores its transitions and children`,
        target: { kind: 'state', statePath: state.path },
      });
    }
  }
}

/** The states entered when `path` is entered: its ancestors and its initial descendants. */
function entered(context: LintContext, path: string): string[] {
  const result: string[] = [];
  for (let ancestor = parentPathOf(path); ancestor !== undefined; ancestor = parentPathOf(ancestor)) result.push(ancestor);
  const pending = [path];
  while (pending.length > 0) {
    const current = pending.pop();
    if (current === undefined) break;
    result.push(current);
    const node = findState(context.definition, current);
    if (node === undefined) continue;
    for (const [name] of ownEntries(node.states)) {
      const childPath = `${current}.${name}`;
      if (node.type === 'parallel' || node.initial === name) pending.push(childPath);
    }
  }
  return result;
}

function lintReachability(context: LintContext): void {
  const reachable = new Set(entered(context, context.definition.machine.initial));
  let grew = true;
  while (grew) {
    grew = false;
    for (const info of context.transitions) {
      if (!reachable.has(info.sourcePath) || typeof info.targetPath !== 'string') continue;
      for (const path of entered(context, info.targetPath)) {
        if (!reachable.has(path)) {
          reachable.add(path);
          grew = true;
        }
      }
    }
  }
  for (const state of context.states) {
    if (!reachable.has(state.path)) {
      context.report({
        severity: 'warning',
        code: 'unreachableState',
        zh: `状态 "${state.path}" 无法到达`,
        en: `state "${state.path}" can never be reached`,
        target: { kind: 'state', statePath: state.path },
      });
    }
  }
}

function lintDeadEnds(context: LintContext): void {
  const leaving = new Set(context.transitions.filter((info) => typeof info.targetPath === 'string').map((info) => info.sourcePath));
  for (const state of context.states) {
    if (state.kind !== 'atomic') continue;
    let way = false;
    for (let path: string | undefined = state.path; path !== undefined; path = parentPathOf(path)) way ||= leaving.has(path);
    const inParallelRegion = isInsideParallel(context, state.path);
    if (!way && !inParallelRegion) {
      context.report({
        severity: 'error',
        code: 'deadEnd',
        zh: `非终态 "${state.path}" 没有出口`,
        en: `state "${state.path}" is not final and has no way out`,
        target: { kind: 'state', statePath: state.path },
      });
    }
  }
}

// A region's waiting state may legitimately be left only by a transition of another region.
function isInsideParallel(context: LintContext, path: string): boolean {
  for (let ancestor = parentPathOf(path); ancestor !== undefined; ancestor = parentPathOf(ancestor)) {
    if (findState(context.definition, ancestor)?.type === 'parallel') return true;
  }
  return false;
}

function lintAmbiguity(context: LintContext): void {
  const groups = new Map<string, typeof context.transitions>();
  for (const info of context.transitions) {
    const key = info.id.slice(0, info.id.lastIndexOf('.'));
    groups.set(key, [...(groups.get(key) ?? []), info]);
  }
  for (const group of groups.values()) {
    group.forEach((info, position) => {
      const guard = JSON.stringify(info.transition.guard ?? null);
      const shadowedByUnguarded = group.slice(0, position).some((earlier) => earlier.transition.guard === undefined);
      const sameGuard = group.slice(0, position).some((earlier) => JSON.stringify(earlier.transition.guard ?? null) === guard);
      if (shadowedByUnguarded || sameGuard) {
        context.report({
          severity: 'error',
          code: 'ambiguousTransition',
          zh: '同一事件的候选转换无法区分：前一个没有条件或条件相同，这个永远不会被选中',
          en: 'this candidate can never be taken: an earlier one for the same trigger has no guard or the same guard',
          target: transitionTarget(info),
        });
      }
    });
  }
}
