// The JSON Schema (draft-07) of a form or of a definition's parameters, as the model reads it.
// Only the keywords the model looks at are named; everything else passes through untouched
// to AJV and RJSF. Untrusted: run checkSchemaSafety before compiling one.

export type JsonSchemaTypeName = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

export interface FormJsonSchema {
  $id?: string;
  $ref?: string;
  $schema?: string;
  type?: JsonSchemaTypeName | JsonSchemaTypeName[];
  title?: string;
  description?: string;
  properties?: { [name: string]: FormJsonSchema | undefined };
  required?: string[];
  additionalProperties?: boolean | FormJsonSchema;
  items?: FormJsonSchema | FormJsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  examples?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  oneOf?: FormJsonSchema[];
  anyOf?: FormJsonSchema[];
  allOf?: FormJsonSchema[];
  definitions?: { [name: string]: FormJsonSchema | undefined };
  [keyword: string]: unknown;
}
