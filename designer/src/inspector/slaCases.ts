import type { Duration, DurationByCase, DurationCase } from '@estateflow/model';
import type { DesignerFinding } from '../lint/LintContext';

/**
 * Edits of a task SLA set by case (`{ cases: [{ when, duration }], otherwise? }`), pure so that
 * the inspector only wires them to inputs.
 */
export const slaCases = {
  /** Switching a plain SLA to "by case": it becomes the first case, which always holds until edited. */
  start(current: Duration | undefined): DurationByCase {
    return { cases: [{ when: 'true', duration: current ?? 'PT2H' }] };
  },
  add(value: DurationByCase): DurationByCase {
    const last = value.cases.at(-1);
    return { ...value, cases: [...value.cases, { when: 'true', duration: last?.duration ?? 'PT2H' }] };
  },
  remove(value: DurationByCase, index: number): DurationByCase {
    return { ...value, cases: value.cases.filter((_, at) => at !== index) };
  },
  update(value: DurationByCase, change: { index: number; patch: Partial<DurationCase> }): DurationByCase {
    return { ...value, cases: value.cases.map((item, at) => (at === change.index ? { ...item, ...change.patch } : item)) };
  },
  setOtherwise(value: DurationByCase, otherwise: Duration | undefined): DurationByCase {
    const { otherwise: _previous, ...rest } = value;
    return otherwise === undefined ? rest : { ...rest, otherwise };
  },
};

/** The lint findings about one SLA input of a state (`sla.respond` / `sla.complete`), for showing under it. */
export function slaFindings(
  findings: readonly DesignerFinding[],
  where: { stateId: string; part: 'sla.respond' | 'sla.complete' },
): string[] {
  return findings
    .filter((finding) => finding.target.kind === 'state' && finding.target.stateId === where.stateId && finding.target.part === where.part)
    .map((finding) => finding.message);
}
