import type Ajv from 'ajv';
import definitionSchema from '../schema/definition.schema.json';
import { createAjv } from './create-ajv.js';

let ajv: Ajv | undefined;

/**
 * Validates action or guard params against their definition in the definition schema
 * (`#/definitions/NotifyParams` …): one schema language, no second copy. Returns the first
 * problem as text, or undefined when the params are valid.
 */
export function paramsProblem(definitionName: string, params: unknown): string | undefined {
  ajv ??= createAjv().addSchema(definitionSchema);
  const validate = ajv.getSchema(`${definitionSchema.$id}#/definitions/${definitionName}`);
  if (validate === undefined) return `no schema ${definitionName}`;
  if (validate(params)) return undefined;
  const error = validate.errors?.[0];
  if (error === undefined) return 'invalid';
  const where = error.instancePath === '' ? 'params' : `params${error.instancePath.replace(/\//g, '.')}`;
  const extra = error.keyword === 'additionalProperties' ? ` (${String(error.params['additionalProperty'])})` : '';
  return `${where} ${error.message ?? error.keyword}${extra}`;
}
