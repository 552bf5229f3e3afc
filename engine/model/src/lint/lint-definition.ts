import type { WorkflowDefinition } from '../generated/definition.js';
import { lintActions } from './action-rules.js';
import { lintDurations } from './duration-rules.js';
import { lintExpressions } from './expression-rules.js';
import { lintForms } from './form-rules.js';
import { createLintContext } from './lint-context.js';
import type { LintFinding, LintOptions } from './lint-finding.js';
import { lintNotifications } from './notification-rules.js';
import { lintRoles } from './role-rules.js';
import { lintStructure } from './structure-rules.js';

/**
 * Lints a definition that passed validateDefinition. Findings are errors (publishing refuses
 * them) or warnings. Codes: initialState, parallelRegions, finalWithTransitions, unknownTarget,
 * unreachableState, deadEnd, ambiguousTransition, missingForm, formSchemaUnsafe,
 * formSchemaInvalid, personalFieldUnmarked, unknownRole, transitionWithoutRoles, unknownActionType, badActionParams,
 * unknownGuardType, badGuardParams, missingNotification, unknownWorkflow, malformedDuration,
 * unknownDelay, undeclaredParameter, parameterNotNumeric, emptyDurationCases, expressionSyntax, expressionUnsafe,
 * expressionUnknownField, expressionType, guardNotBoolean, unsafeTemplate.
 */
export function lintDefinition(definition: WorkflowDefinition, options: LintOptions = {}): LintFinding[] {
  const context = createLintContext(definition, options);
  lintStructure(context);
  lintForms(context);
  lintRoles(context);
  lintActions(context);
  lintDurations(context);
  lintExpressions(context);
  lintNotifications(context);
  return context.findings;
}
