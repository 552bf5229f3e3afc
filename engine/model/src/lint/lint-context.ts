import type { Transition, WorkflowDefinition } from '../generated/definition.js';
import { localizedMessage } from '../localized.js';
import { listStates, listTransitions, type StateInfo, type TransitionInfo } from '../machine/state-tree.js';
import type { LintFinding, LintOptions, LintSeverity, LintTarget } from './lint-finding.js';

/** What every lint rule reads, computed once, and where it reports. */
export interface LintContext {
  definition: WorkflowDefinition;
  options: LintOptions;
  states: StateInfo[];
  transitions: TransitionInfo[];
  findings: LintFinding[];
  report(finding: { severity: LintSeverity; code: string; zh: string; en: string; target: LintTarget }): void;
}

export function createLintContext(definition: WorkflowDefinition, options: LintOptions): LintContext {
  const findings: LintFinding[] = [];
  return {
    definition,
    options,
    states: listStates(definition),
    transitions: listTransitions(definition),
    findings,
    report: ({ severity, code, zh, en, target }) => findings.push({ severity, code, message: localizedMessage(zh, en), target }),
  };
}

export function transitionTarget(info: TransitionInfo): LintTarget {
  const target: LintTarget = { kind: 'transition', statePath: info.sourcePath, index: info.index, transitionId: info.id };
  if (info.trigger.kind === 'event') target.event = info.trigger.event;
  return target;
}

/** Actions of a state (entry, exit) and of each of its transitions, with where they sit. */
export function everyAction(context: LintContext): Array<{
  action: { type: string; params?: Record<string, unknown> };
  target: LintTarget;
  transition?: Transition;
  info?: TransitionInfo;
}> {
  const found: Array<{
    action: { type: string; params?: Record<string, unknown> };
    target: LintTarget;
    transition?: Transition;
    info?: TransitionInfo;
  }> = [];
  for (const state of context.states) {
    for (const action of [...(state.node.entry ?? []), ...(state.node.exit ?? [])])
      found.push({ action, target: { kind: 'state', statePath: state.path } });
  }
  for (const info of context.transitions) {
    for (const action of info.transition.actions ?? [])
      found.push({ action, target: transitionTarget(info), transition: info.transition, info });
  }
  return found;
}
