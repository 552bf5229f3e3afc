import * as precompiled from '../generated/definition-validators.js';
import type { PrecompiledValidator } from '../generated/definition-validators.js';

// Compiled ahead of time (scripts/generate-validators.js): lint runs in the browser under a
// Content-Security-Policy without 'unsafe-eval'.
const validators: Record<string, PrecompiledValidator | undefined> = precompiled;

/**
 * Validates action or guard params against their definition in the definition schema
 * (`#/definitions/NotifyParams` …): one schema language, no second copy. Returns the first
 * problem as text, or undefined when the params are valid.
 */
export function paramsProblem(definitionName: string, params: unknown): string | undefined {
  const validate = Object.hasOwn(validators, `definitions_${definitionName}`) ? validators[`definitions_${definitionName}`] : undefined;
  if (validate === undefined) return `no schema ${definitionName}`;
  if (validate(params)) return undefined;
  const error = validate.errors?.[0];
  if (error === undefined) return 'invalid';
  const where = error.instancePath === '' ? 'params' : `params${error.instancePath.replace(/\//g, '.')}`;
  const extra = error.keyword === 'additionalProperties' ? ` (${String(error.params['additionalProperty'])})` : '';
  return `${where} ${error.message ?? error.keyword}${extra}`;
}
