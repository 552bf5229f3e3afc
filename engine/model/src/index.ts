// @estateflow/model — the one pure workflow model. See README.md for what it may touch.

// The definition format (generated from src/schema/definition.schema.json)
export * from './generated/definition.js';
export type { FormJsonSchema, JsonSchemaTypeName } from './forms/form-json-schema.js';
export { STAFF_ROLES, PERSON_ROLES, REQUESTER_ROLE, ALL_ROLES, isKnownRole } from './roles.js';
export type { StaffRole, KnownRole } from './roles.js';
export type { LocalizedMessage } from './localized.js';
export { textFor } from './localized.js';

// Validation of the definition's shape
export { validateDefinition, DEFINITION_LIMITS } from './validation/validate-definition.js';
export type { DefinitionValidation, DefinitionValidationError } from './validation/validate-definition.js';

// Actions, guards, durations
export { ACTION_TYPES, isActionType, actionParamsSchema } from './actions.js';
export type { ActionType } from './actions.js';
export { GUARD_TYPES, isGuardType, guardParamsSchema } from './guards.js';
export type { GuardType } from './guards.js';
export { parseIsoDuration } from './durations/parse-iso-duration.js';
export { resolveDuration } from './durations/resolve-duration.js';
export type { DurationResolution } from './durations/resolve-duration.js';
export { resolveSlaDuration } from './durations/resolve-sla-duration.js';
export type { SlaDurationResolution } from './durations/resolve-sla-duration.js';
export { isDurationByCase } from './durations/is-duration-by-case.js';

// Expressions (CEL)
export { parseExpression } from './expressions/parse-expression.js';
export { evaluateExpression, evaluateCondition } from './expressions/evaluate-expression.js';
export type { ExpressionScope } from './expressions/evaluate-expression.js';
export { expressionReferences } from './expressions/expression-references.js';
export { checkExpression } from './expressions/check-expression.js';
export type { ExpressionCheck, ExpressionTypeScope } from './expressions/check-expression.js';
export { ExpressionError } from './expressions/expression-error.js';
export type { ExpressionErrorCode } from './expressions/expression-error.js';
export { EXPRESSION_LIMITS } from './expressions/cel-environment.js';

// Forms: untrusted JSON Schemas
export { checkSchemaSafety, SCHEMA_LIMITS } from './forms/schema-safety.js';
export type { SchemaSafety, SchemaProblem } from './forms/schema-safety.js';
export { checkRegexSafety, MAX_PATTERN_LENGTH } from './forms/regex-safety.js';
export type { RegexVerdict } from './forms/regex-safety.js';
export { bindSchemaCompiler, compileFormValidator, type SchemaCompiler } from './forms/compile-form-validator.js';
export type { FormValidator, FormValidation, FormCompilation, FieldError } from './forms/compile-form-validator.js';
export { compileDefinitionForms } from './forms/compile-definition-forms.js';
export type { DefinitionForms } from './forms/compile-definition-forms.js';
export { sampleFormData } from './forms/sample-form-data.js';
export { jsonPointer } from './util/json-pointer.js';
export { personalFieldTree, mapPersonalFields, mapFreeText, personalFieldErrors, isPersonalDataKind } from './forms/personal-fields.js';
export {
  normalisePhone,
  isMobilePhone,
  normaliseIdNumber,
  idNumberCheckCharacter,
  isValidIdNumber,
  maskPhone,
  maskIdNumber,
  findPersonalNumbers,
} from './personal-data/personal-numbers.js';
export type { NumberInText } from './personal-data/personal-numbers.js';
export type { PersonalDataKind, PersonalFieldTree } from './forms/personal-fields.js';

// The machine: compile, start, step, read
export { compileMachine, DefinitionCompileError, TRACE_ACTION } from './machine/compile-machine.js';
export type { CompiledWorkflow } from './machine/compile-machine.js';
export { definitionFingerprint } from './machine/fingerprint.js';
export { SYSTEM_ACTOR } from './machine/workflow-context.js';
export type { WorkflowActor, WorkflowContext, WorkflowEvent, WorkflowInput } from './machine/workflow-context.js';
export type { Effect, EffectKind, ResolvedAssignee, ResolvedRecipient } from './machine/effects.js';
export { start, step } from './machine/step.js';
export type { StepResult, StartOptions, StepOptions, WorkflowEventInput } from './machine/step.js';
export { SNAPSHOT_FORMAT, IncompatibleSnapshotError, checkSnapshot } from './machine/workflow-snapshot.js';
export type { WorkflowSnapshot, IncompatibleSnapshotReason } from './machine/workflow-snapshot.js';
export { stateValueToString, activeStatePaths, activeLeafPaths } from './machine/state-value.js';
export type { StateValueJson } from './machine/state-value.js';
export { listStates, listTransitions, resolveTarget, findState } from './machine/state-tree.js';
export type { StateInfo, StateKind, TransitionInfo, TransitionTrigger } from './machine/state-tree.js';
export { allowedEvents } from './machine/allowed-events.js';
export type { AllowedEvent, AllowedEventsOptions } from './machine/allowed-events.js';
export { activeTasks } from './machine/active-tasks.js';
export type { ActiveTask } from './machine/active-tasks.js';
export { stateLabel } from './machine/state-label.js';
export { resolveParameters } from './machine/resolve-parameters.js';
export type { ParameterResolution } from './machine/resolve-parameters.js';
export { replay } from './machine/replay.js';
export type { InstanceLogEntry } from './machine/replay.js';

// Lint
export { lintDefinition } from './lint/lint-definition.js';
export type { LintFinding, LintTarget, LintOptions, LintSeverity } from './lint/lint-finding.js';

// Simulation: paths, coverage, scenarios
export { generatePaths } from './paths/generate-paths.js';
export type { GeneratePathsOptions } from './paths/generate-paths.js';
export { coverage } from './paths/coverage.js';
export type { CoverageReport, CoverageCount } from './paths/coverage.js';
export { runScenario, DEFAULT_SCENARIO_START } from './paths/run-scenario.js';
export type { ScenarioRun, ScenarioStepReport } from './paths/run-scenario.js';

// The designer's canvas and the version diff
export { definitionToGraph } from './graph/definition-to-graph.js';
export type { WorkflowGraph, GraphNode, GraphEdge } from './graph/definition-to-graph.js';
export { diffDefinitions } from './graph/diff-definitions.js';
export type { DefinitionDiff } from './graph/diff-definitions.js';
