import type { ErrorObject, ValidateFunction } from 'ajv';
import { localizedMessage, type LocalizedMessage } from '../localized.js';
import { createAjv } from '../validation/create-ajv.js';
import { formErrorMessage } from './form-error-message.js';
import { checkSchemaSafety, type SchemaProblem } from './schema-safety.js';

export interface FieldError {
  /** JSON pointer of the field, e.g. "/contactPhone" or "/items/2/reading". */
  path: string;
  message: LocalizedMessage;
}

export type FormValidation = { ok: true } | { ok: false; errors: FieldError[] };

/** Validates one form submission. Reports the first problem only (no allErrors, by design). */
export type FormValidator = (data: unknown) => FormValidation;

export type FormCompilation = { ok: true; validate: FormValidator } | { ok: false; problems: SchemaProblem[] };

/**
 * Turns a schema that passed the safety check into a validator. The default compiles with AJV
 * (generated code); a host whose Content-Security-Policy forbids generated code — the designer
 * in the browser — binds an interpreting validator instead, like XState's `.provide()`.
 */
export type SchemaCompiler = (schema: object) => FormValidator;

let boundCompiler: SchemaCompiler | null = null;

/** Binds the host's schema compiler for every form and parameter check of the model (null: AJV again). */
export function bindSchemaCompiler(compiler: SchemaCompiler | null): void {
  boundCompiler = compiler;
  cache.clear();
}

// Compiling costs 55–80 ms a schema: keep the last few by their text, so that live lint in
// the designer recompiles only the form that changed.
const cache = new Map<string, FormCompilation>();
const CACHE_LIMIT = 200;

/**
 * Checks an untrusted form schema for safety, then compiles it with AJV (strict, no $data,
 * no allErrors). Compile once per definition version and reuse the validator.
 */
export function compileFormValidator(schema: unknown): FormCompilation {
  const safety = checkSchemaSafety(schema);
  if (!safety.ok) return { ok: false, problems: safety.problems };
  const key = JSON.stringify(schema);
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const compilation = compile(schema);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, compilation);
  return compilation;
}

function compile(schema: unknown): FormCompilation {
  let validate: ValidateFunction;
  try {
    if (typeof schema !== 'object' || schema === null) throw new Error('schema must be an object');
    if (boundCompiler !== null) return { ok: true, validate: boundCompiler(schema) };
    validate = createAjv().compile(schema);
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [{ path: '', message: localizedMessage(`表单定义无法编译：${message}`, `schema does not compile: ${message}`) }],
    };
  }
  return {
    ok: true,
    validate: (data) => (validate(data) ? { ok: true } : { ok: false, errors: fieldErrors(validate.errors ?? []) }),
  };
}

/**
 * One message per field a person can act on. A failed choice (oneOf / anyOf) speaks for its
 * branches: AJV reports every branch's own error too — a select of labelled options is a oneOf of
 * consts, so a wrong value gave one "has the wrong value" per option and then the oneOf's.
 */
function fieldErrors(errors: readonly ErrorObject[]): FieldError[] {
  const choices = errors.filter((error) => error.keyword === 'oneOf' || error.keyword === 'anyOf').map((error) => `${error.schemaPath}/`);
  const seen = new Set<string>();
  return errors
    .filter((error) => !choices.some((choice) => error.schemaPath.startsWith(choice)))
    .map(toFieldError)
    .filter((error) => {
      const key = `${error.path}\n${error.message.en}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

function toFieldError(error: ErrorObject): FieldError {
  const params: Record<string, unknown> = error.params;
  const child =
    error.keyword === 'required'
      ? params['missingProperty']
      : error.keyword === 'additionalProperties'
        ? params['additionalProperty']
        : undefined;
  const path = typeof child === 'string' ? `${error.instancePath}/${child.replace(/~/g, '~0').replace(/\//g, '~1')}` : error.instancePath;
  return { path, message: formErrorMessage(error) };
}
