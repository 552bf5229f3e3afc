import { validateDefinition } from '@estateflow/model';
import type { FindingSeverity } from '../canvas/flowTypes';
import type { Definition } from '../definition/types';
import { findingTargetFromPointer } from './findingTarget';
import type { DesignerFinding } from './LintContext';

/**
 * Every problem with a definition, errors first: the definition schema's errors from the model's
 * validateDefinition, then the model linter's findings.
 */
export function collectFindings(definition: Definition): DesignerFinding[] {
  const findings: DesignerFinding[] = [];
  const validation = validateDefinition(definition);
  if (!validation.ok) {
    for (const error of validation.errors) {
      findings.push({ severity: 'error', code: 'schema', message: `${error.path || '/'} ${error.message}`, target: findingTargetFromPointer(error.path) });
    }
  }
  return findings;
}

/** The worst severity per selected-able element (state id, transition id) for the canvas to colour. */
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
