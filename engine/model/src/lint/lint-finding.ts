import type { LocalizedMessage } from '../localized.js';

export type LintSeverity = 'error' | 'warning';

/** Where a finding points, so the designer can select it. */
export interface LintTarget {
  kind: 'state' | 'transition' | 'form' | 'field' | 'parameter' | 'notification' | 'definition';
  statePath?: string;
  event?: string;
  /** Index of the transition among its trigger's candidates. */
  index?: number;
  /** The transition id ("submitted#on.DISPATCH.0") for transitions. */
  transitionId?: string;
  form?: string;
  field?: string;
  /** Which setting of a state the finding is about (`sla.respond`, `sla.complete`), for the inspector to show it there. */
  part?: 'sla.respond' | 'sla.complete';
}

export interface LintFinding {
  severity: LintSeverity;
  /** Stable, e.g. "unknownTarget"; see lint-definition.ts for the list. */
  code: string;
  message: LocalizedMessage;
  target: LintTarget;
}

export interface LintOptions {
  /** Compile every form with AJV (55–80 ms each, cached by schema text). Default true. */
  compileForms?: boolean;
  /** Workflow keys startChild may name; unchecked when absent. */
  workflowKeys?: readonly string[];
}
