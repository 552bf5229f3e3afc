import type { Environment } from '@marcbachmann/cel-js';
import type { FormJsonSchema } from '../forms/form-json-schema.js';
import { isRecord, ownEntries } from '../util/records.js';
import { createBaseEnvironment } from './cel-environment.js';
import { ExpressionError } from './expression-error.js';
import { firstLine, parseExpression } from './parse-expression.js';

/** What an expression may read, as JSON Schemas: lint builds this from the forms and parameters. */
export interface ExpressionTypeScope {
  /** The instance data: the union of the fields forms and setData may store. */
  data: FormJsonSchema;
  /** The form of the event being handled, when there is one. */
  eventData?: FormJsonSchema;
  params: FormJsonSchema;
  /** True inside a startChild mapping with forEach. */
  item?: boolean;
}

export type ExpressionCheck = { ok: true; type: string } | { ok: false; error: ExpressionError };

type CelSchema = { [field: string]: string | CelSchema };

/**
 * Type-checks an expression against the scope's schemas: unknown fields ("No such key"),
 * unknown functions and type mismatches are caught before anything runs. JSON numbers are
 * doubles at run time, so number and integer fields are checked as double.
 */
export function checkExpression(expression: string, scope: ExpressionTypeScope): ExpressionCheck {
  try {
    parseExpression(expression);
  } catch (error: unknown) {
    if (error instanceof ExpressionError) return { ok: false, error };
    throw error;
  }
  const result = environmentFor(scope).check(expression);
  if (result.valid) return { ok: true, type: result.type ?? 'dyn' };
  return { ok: false, error: new ExpressionError({ code: 'type', expression, message: firstLine(result.error) }) };
}

function environmentFor(scope: ExpressionTypeScope): Environment {
  const environment = createBaseEnvironment();
  registerObject({ environment, name: 'data', schema: scope.data });
  registerObject({ environment, name: 'params', schema: scope.params });
  environment.registerVariable({
    name: 'event',
    schema: { type: 'string', data: scope.eventData === undefined ? 'map' : celSchemaOf(scope.eventData) },
  });
  environment.registerVariable({ name: 'actor', schema: { id: 'string', roles: 'list<string>' } });
  environment.registerVariable('now', 'double');
  if (scope.item === true) environment.registerVariable('item', 'dyn');
  return environment;
}

function registerObject(options: { environment: Environment; name: string; schema: FormJsonSchema }): void {
  const schema = celSchemaOf(options.schema);
  if (Object.keys(schema).length === 0) options.environment.registerVariable(options.name, 'map');
  else options.environment.registerVariable({ name: options.name, schema });
}

function celSchemaOf(schema: FormJsonSchema): CelSchema {
  const result: CelSchema = {};
  for (const [name, property] of ownEntries(schema.properties)) result[name] = celTypeOf(property);
  return result;
}

function celTypeOf(schema: FormJsonSchema): string | CelSchema {
  switch (schema.type) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'double';
    case 'boolean':
      return 'bool';
    case 'array': {
      const items = schema.items;
      const itemType = isRecord(items) && !Array.isArray(items) ? celTypeOf(items) : 'dyn';
      return typeof itemType === 'string' ? `list<${itemType}>` : 'list<dyn>';
    }
    case 'object': {
      if (schema.properties === undefined || schema.additionalProperties !== false) return 'map';
      const nested = celSchemaOf(schema);
      return Object.keys(nested).length === 0 ? 'map' : nested;
    }
    default:
      return 'dyn';
  }
}
