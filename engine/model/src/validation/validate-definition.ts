import type { ErrorObject } from 'ajv';
import type { WorkflowDefinition } from '../generated/definition.js';
import { definition as definitionSchemaValidator } from '../generated/definition-validators.js';
import { measureJson } from '../util/measure-json.js';

export interface DefinitionValidationError {
  /** JSON pointer into the definition, e.g. "/machine/states/x/on/Y". */
  path: string;
  message: string;
}

export type DefinitionValidation = { ok: true; definition: WorkflowDefinition } | { ok: false; errors: DefinitionValidationError[] };

/** Generous for a real workflow, small enough that a hostile document is refused before AJV reads it. */
export const DEFINITION_LIMITS = { maxDepth: 64, maxNodes: 200_000, maxStringLength: 100_000 };

// Compiled ahead of time (scripts/generate-validators.js): no `new Function` at run time, so
// validation works under a Content-Security-Policy without 'unsafe-eval' (the designer's).
function isDefinitionShaped(input: unknown): input is WorkflowDefinition {
  return definitionSchemaValidator(input);
}

/** Checks the shape of a definition against its JSON Schema. Meaning (targets, roles, forms) is lint's job. */
export function validateDefinition(input: unknown): DefinitionValidation {
  const measure = measureJson(input, DEFINITION_LIMITS);
  if (!measure.ok) {
    return { ok: false, errors: [{ path: '', message: `definition is too large (${measure.reason} limit exceeded)` }] };
  }
  if (isDefinitionShaped(input)) return { ok: true, definition: input };
  return { ok: false, errors: toValidationErrors(definitionSchemaValidator.errors ?? []) };
}

function toValidationErrors(errors: ErrorObject[]): DefinitionValidationError[] {
  // Errors raised inside propertyNames repeat the outer one with a raw pattern: drop them.
  const mapped = errors.filter((error) => error.propertyName === undefined).map(toValidationError);
  // The deepest error is the one a person can act on; anyOf summaries come last.
  mapped.sort((a, b) => b.path.split('/').length - a.path.split('/').length);
  const seen = new Set<string>();
  return mapped.filter((error) => {
    const key = `${error.path} ${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toValidationError(error: ErrorObject): DefinitionValidationError {
  const params: Record<string, unknown> = error.params;
  if (error.keyword === 'additionalProperties' && typeof params['additionalProperty'] === 'string') {
    return { path: `${error.instancePath}/${escapePointer(params['additionalProperty'])}`, message: 'unknown property' };
  }
  if (error.keyword === 'required' && typeof params['missingProperty'] === 'string') {
    return { path: `${error.instancePath}/${escapePointer(params['missingProperty'])}`, message: 'is required' };
  }
  if (error.keyword === 'propertyNames' && typeof params['propertyName'] === 'string') {
    return { path: `${error.instancePath}/${escapePointer(params['propertyName'])}`, message: 'is not an allowed name' };
  }
  return { path: error.instancePath, message: error.message ?? error.keyword };
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
