import { compileFormValidator, type FieldError } from '../forms/compile-form-validator.js';
import type { WorkflowDefinition } from '../generated/definition.js';
import { isRecord, ownEntries } from '../util/records.js';

export type ParameterResolution = { ok: true; parameters: Record<string, unknown> } | { ok: false; errors: FieldError[] };

/**
 * The parameters an instance runs with: the schema's defaults, overridden by the company's
 * values, overridden by the estate's, then validated against the parameters schema.
 */
export function resolveParameters(
  definition: WorkflowDefinition,
  companyValues: Record<string, unknown> = {},
  estateValues: Record<string, unknown> = {},
): ParameterResolution {
  const parameters: Record<string, unknown> = {};
  for (const [name, property] of ownEntries(definition.parameters?.properties)) {
    if (isRecord(property) && property['default'] !== undefined) parameters[name] = structuredClone(property['default']);
  }
  for (const [name, value] of [...ownEntries(companyValues), ...ownEntries(estateValues)]) parameters[name] = structuredClone(value);
  if (definition.parameters === undefined) return { ok: true, parameters };
  const compiled = compileFormValidator(definition.parameters);
  if (!compiled.ok) return { ok: false, errors: compiled.problems };
  const verdict = compiled.validate(parameters);
  return verdict.ok ? { ok: true, parameters } : { ok: false, errors: verdict.errors };
}
