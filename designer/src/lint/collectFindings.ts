import { lintDefinition, validateDefinition, type LintTarget } from '@estateflow/model';
import type { FindingSeverity } from '../canvas/flowTypes';
import type { Locale } from '../i18n/translate';
import { findingTargetFromPointer, type FindingTarget } from './findingTarget';
import type { DesignerFinding } from './LintContext';

function targetOf(target: LintTarget): FindingTarget {
  switch (target.kind) {
    case 'state':
      if (!target.statePath) return { kind: 'definition' };
      return target.part ? { kind: 'state', stateId: target.statePath, part: target.part } : { kind: 'state', stateId: target.statePath };
    case 'transition':
      return target.transitionId && target.statePath
        ? { kind: 'transition', transitionId: target.transitionId, stateId: target.statePath }
        : { kind: 'definition' };
    case 'form':
    case 'field':
      return target.form ? { kind: 'field', form: target.form, field: target.field ?? null } : { kind: 'definition' };
    case 'parameter':
    case 'notification':
    case 'definition':
      return { kind: 'definition' };
  }
}

/**
 * Every problem with a definition: the schema's errors (validateDefinition) when its shape is
 * wrong, otherwise the model linter's findings (lintDefinition) — errors first.
 */
export function collectFindings(definition: unknown, locale: Locale): DesignerFinding[] {
  const validation = validateDefinition(definition);
  if (!validation.ok) {
    return validation.errors.map((error) => ({
      severity: 'error',
      code: 'schema',
      message: `${error.path || '/'} ${error.message}`,
      target: findingTargetFromPointer(error.path),
    }));
  }
  // Forms are not compiled here: AJV compiles with `new Function`, which the engine's
  // Content-Security-Policy forbids in the served designer. Their safety is still checked, and
  // publishing runs the full lint (with compiled forms) on the engine.
  const findings = lintDefinition(validation.definition, { compileForms: false }).map((finding): DesignerFinding => ({
    severity: finding.severity,
    code: finding.code,
    message: finding.message[locale],
    target: targetOf(finding.target),
  }));
  return findings.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

/** The worst severity per selectable element (state id, transition id) for the canvas to colour. */
export function severityByElement(findings: readonly DesignerFinding[]): Map<string, FindingSeverity> {
  const rank: Record<FindingSeverity, number> = { error: 3, warning: 2, info: 1 };
  const map = new Map<string, FindingSeverity>();
  const mark = (id: string, severity: FindingSeverity) => {
    const current = map.get(id);
    if (!current || rank[severity] > rank[current]) map.set(id, severity);
  };
  for (const finding of findings) {
    if (finding.target.kind === 'state') mark(finding.target.stateId, finding.severity);
    if (finding.target.kind === 'transition') mark(finding.target.transitionId, finding.severity);
  }
  return map;
}

/** The worker's answer, checked on the way back (postMessage is an untyped boundary). */
export function isFindingList(value: unknown): value is DesignerFinding[] {
  return (
    Array.isArray(value) &&
    value.every(
      (item: unknown) =>
        typeof item === 'object' &&
        item !== null &&
        'severity' in item &&
        'message' in item &&
        'target' in item &&
        typeof item.message === 'string',
    )
  );
}
