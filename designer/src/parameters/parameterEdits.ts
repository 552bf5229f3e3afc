import type { FormJsonSchema } from '@estateflow/model';
import type { Definition } from '../definition/types';

export type ParameterType = 'integer' | 'number' | 'string' | 'boolean';

/** Sets (or with `schema: null` removes) one per-estate parameter in `definition.parameters`. */
export function setParameter(
  definition: Definition,
  input: { name: string; schema: FormJsonSchema | null; required?: boolean },
): Definition {
  const parameters: FormJsonSchema = definition.parameters ?? { type: 'object', properties: {} };
  const properties = { ...parameters.properties };
  if (input.schema === null) delete properties[input.name];
  else properties[input.name] = input.schema;
  const required = new Set(parameters.required ?? []);
  if (input.schema === null || input.required === false) required.delete(input.name);
  if (input.required === true) required.add(input.name);
  const next: FormJsonSchema = { ...parameters, type: 'object', properties };
  if (required.size) next.required = [...required];
  else delete next.required;
  return { ...definition, parameters: next };
}

export function renameParameter(definition: Definition, input: { from: string; to: string }): Definition {
  const properties = definition.parameters?.properties ?? {};
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(input.to) || Object.hasOwn(properties, input.to)) return definition;
  const entries = Object.entries(properties).map(([name, schema]) => [name === input.from ? input.to : name, schema]);
  const required = (definition.parameters?.required ?? []).map((name) => (name === input.from ? input.to : name));
  return {
    ...definition,
    parameters: {
      ...definition.parameters,
      type: 'object',
      properties: Object.fromEntries(entries),
      required: required.length ? required : undefined,
    },
  };
}
