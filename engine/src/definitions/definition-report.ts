import { lintDefinition, validateDefinition, type LintFinding, type WorkflowDefinition } from '@estateflow/model';

export interface DefinitionReport {
  /** The definition when it has the right shape (it may still have lint errors). */
  definition: WorkflowDefinition | null;
  findings: LintFinding[];
}

/**
 * Everything wrong with a draft: its shape first (a malformed document gets the validation
 * report, never an exception), then what lint says about its meaning (forms' safety included).
 */
export function reportOnDefinition(draft: unknown, options: { workflowKeys?: readonly string[] } = {}): DefinitionReport {
  const validation = validateDefinition(draft);
  if (!validation.ok) {
    return {
      definition: null,
      findings: validation.errors.map((error) => ({
        severity: 'error',
        code: 'schema',
        message: { 'zh-CN': `${error.path || '/'}：${error.message}`, en: `${error.path || '/'}: ${error.message}` },
        target: { kind: 'definition' },
      })),
    };
  }
  return {
    definition: validation.definition,
    findings: lintDefinition(validation.definition, options.workflowKeys === undefined ? {} : { workflowKeys: options.workflowKeys }),
  };
}
