// The forms' validator. RJSF's stock AJV validator compiles every schema to JavaScript with
// `new Function`, which the engine's Content-Security-Policy (script-src 'self', no
// 'unsafe-eval') rightly forbids. @cfworker/json-schema interprets the schema instead — no
// code generation, no eval — and this adapter gives its errors the shape RJSF expects
// (the same pipeline as @rjsf/validator-ajv8: transformErrors, customValidate, merge).
import { Validator, type OutputUnit, type Schema } from '@cfworker/json-schema';
import {
  createErrorHandler,
  getDefaultFormState,
  toErrorSchema,
  unwrapErrorHandler,
  validationDataMerge,
  type CustomValidator,
  type ErrorTransformer,
  type RJSFSchema,
  type RJSFValidationError,
  type UiSchema,
  type ValidationData,
  type ValidatorType,
} from '@rjsf/utils';

/** Keywords that only say "something inside failed"; the inner error is reported on its own. */
const containerKeywords = new Set([
  'properties',
  'items',
  'additionalItems',
  'prefixItems',
  '$ref',
  '$recursiveRef',
  '$dynamicRef',
  'allOf',
  'patternProperties',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'then',
  'else',
  'dependentSchemas',
  'propertyNames',
]);

const limitKeywords = new Set([
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unescapePointer(part: string): string {
  return decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The value at a "#/a/b" pointer inside a schema. */
function valueAt(root: unknown, pointer: string): unknown {
  const parts = pointer.replace(/^#\/?/, '').split('/').filter(Boolean).map(unescapePointer);
  let node: unknown = root;
  for (const part of parts) node = isRecord(node) || Array.isArray(node) ? Reflect.get(node, part) : undefined;
  return node;
}

/** "#/contact/phone" → ".contact.phone" (RJSF's property notation). */
function propertyOf(instanceLocation: string): string {
  const parts = instanceLocation.replace(/^#\/?/, '').split('/').filter(Boolean).map(unescapePointer);
  return parts.map((part) => `.${part}`).join('');
}

/** One cfworker output unit → an RJSF validation error, or null for a container echo. */
export function toRjsfError(unit: OutputUnit, schema: unknown): RJSFValidationError | null {
  const name = unit.keyword === 'false' ? 'additionalProperties' : unit.keyword;
  if (containerKeywords.has(unit.keyword)) return null;
  let property = propertyOf(unit.instanceLocation);
  const params: Record<string, unknown> = {};
  const keywordValue = valueAt(schema, unit.keywordLocation);
  if (name === 'required') {
    const missing = /required property "(.+)"/.exec(unit.error)?.[1];
    if (missing) {
      params.missingProperty = missing;
      property = `${property}.${missing}`;
    }
  } else if (limitKeywords.has(name)) params.limit = keywordValue;
  else if (name === 'format') params.format = keywordValue;
  else if (name === 'multipleOf') params.multipleOf = keywordValue;
  else if (name === 'pattern') params.pattern = keywordValue;
  else if (name === 'enum') params.allowedValues = keywordValue;
  return { name, property, message: unit.error, params, stack: `${property} ${unit.error}`.trim(), schemaPath: unit.keywordLocation };
}

function withRootDefinitions(schema: RJSFSchema, rootSchema: RJSFSchema | undefined): RJSFSchema {
  if (!rootSchema || rootSchema === schema) return schema;
  return { ...schema, definitions: { ...rootSchema.definitions, ...schema.definitions }, $defs: { ...rootSchema.$defs, ...schema.$defs } };
}

export class InterpretingValidator implements ValidatorType<unknown, RJSFSchema> {
  private readonly cache = new WeakMap<object, Validator>();

  private validatorFor(schema: RJSFSchema): Validator {
    let validator = this.cache.get(schema);
    if (!validator) {
      const copy: Schema = JSON.parse(JSON.stringify(schema));
      validator = new Validator(copy, '2019-09', false);
      this.cache.set(schema, validator);
    }
    return validator;
  }

  rawValidation<Result = OutputUnit>(schema: RJSFSchema, formData?: unknown): { errors?: Result[]; validationError?: Error } {
    try {
      const result = this.validatorFor(schema).validate(formData);
      const errors: Result[] = JSON.parse(JSON.stringify(result.errors));
      return { errors };
    } catch (error) {
      return { validationError: error instanceof Error ? error : new Error(String(error)) };
    }
  }

  validateFormData(
    formData: unknown,
    schema: RJSFSchema,
    customValidate?: CustomValidator<unknown, RJSFSchema>,
    transformErrors?: ErrorTransformer<unknown, RJSFSchema>,
    uiSchema?: UiSchema<unknown, RJSFSchema>,
  ): ValidationData<unknown> {
    let errors: RJSFValidationError[];
    try {
      const result = this.validatorFor(schema).validate(formData);
      errors = result.errors.flatMap((unit) => toRjsfError(unit, schema) ?? []);
    } catch (error) {
      errors = [{ stack: error instanceof Error ? error.message : String(error) }];
    }
    if (typeof transformErrors === 'function') errors = transformErrors(errors, uiSchema);
    const errorSchema = toErrorSchema<unknown>(errors);
    if (typeof customValidate !== 'function') return { errors, errorSchema };
    const withDefaults = getDefaultFormState<unknown, RJSFSchema>(this, schema, formData, schema, true);
    const handler = customValidate(withDefaults, createErrorHandler<unknown>(withDefaults), uiSchema, errorSchema);
    return validationDataMerge<unknown>({ errors, errorSchema }, unwrapErrorHandler<unknown>(handler));
  }

  isValid(schema: RJSFSchema, formData: unknown, rootSchema: RJSFSchema): boolean {
    try {
      return this.validatorFor(withRootDefinitions(schema, rootSchema)).validate(formData).valid;
    } catch {
      return false;
    }
  }

  reset(): void {
    // the cache is keyed weakly by schema object; nothing to clear
  }
}

export const schemaValidator = new InterpretingValidator();
