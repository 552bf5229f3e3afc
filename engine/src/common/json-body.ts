import { Body, PipeTransform } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { ValidationError } from './errors';
import { findForbiddenKey } from './forbidden-keys';

/** A JSON Schema, typed as OpenAPI documents it. */
export type JsonSchema = NonNullable<Extract<Parameters<typeof ApiBody>[0], { schema?: unknown }>['schema']>;

const ajv = new Ajv({ strict: true, allErrors: false, coerceTypes: false, useDefaults: false });
addFormats(ajv);

export interface FieldProblem {
  field: string;
  message: string;
}

function describe(error: ErrorObject): FieldProblem {
  const at = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
  switch (error.keyword) {
    case 'additionalProperties': {
      const extra = String(error.params.additionalProperty);
      const field = at ? `${at}.${extra}` : extra;
      return { field, message: `"${field}" is not a field this request takes.` };
    }
    case 'required': {
      const missing = String(error.params.missingProperty);
      const field = at ? `${at}.${missing}` : missing;
      return { field, message: `"${field}" is required.` };
    }
    default:
      return { field: at || '(body)', message: `"${at || 'the body'}" ${error.message ?? 'is not valid'}.` };
  }
}

/** Validates a request body against a JSON Schema; wrong types, unknown fields and prototype keys are 400s naming the field. */
export class JsonSchemaPipe<T> implements PipeTransform<unknown, T> {
  private readonly validate: ValidateFunction<T>;

  constructor(
    schema: JsonSchema,
    /** A request without a body (no Content-Type) is validated as `{}`: for bodies whose fields are all optional. */
    private readonly optional = false,
  ) {
    this.validate = ajv.compile<T>({ ...schema });
  }

  transform(raw: unknown): T {
    const value = raw === undefined && this.optional ? {} : raw;
    const forbidden = findForbiddenKey(value);
    if (forbidden !== null) {
      throw new ValidationError(`"${forbidden}" is not allowed as a field name.`, {
        fields: [{ field: forbidden, message: 'reserved name' }],
      });
    }
    if (this.validate(value)) return value;
    const problem = describe(
      (this.validate.errors ?? [])[0] ?? { keyword: 'type', instancePath: '', schemaPath: '', params: {}, message: 'is not valid' },
    );
    throw new ValidationError(problem.message, { fields: [problem] });
  }
}

/** `@JsonBody(schema) body: T` — validates the body and documents it in OpenAPI. */
export function JsonBody<T>(schema: JsonSchema, options: { optional?: boolean } = {}): ParameterDecorator {
  const validate = Body(new JsonSchemaPipe<T>(schema, options.optional === true));
  return (target, propertyKey, index) => {
    validate(target, propertyKey, index);
    if (propertyKey === undefined) return;
    const descriptor = Object.getOwnPropertyDescriptor(target, propertyKey);
    if (descriptor) ApiBody({ schema, required: options.optional !== true })(target, propertyKey, descriptor);
  };
}
