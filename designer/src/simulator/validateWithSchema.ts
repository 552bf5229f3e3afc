import { checkSchemaSafety, type FieldError } from '@estateflow/model';
import type { RJSFSchema } from '@rjsf/utils';
import { localizeValidationErrors, schemaValidator } from '@estateflow/runtime-web/forms';
import { isRecord } from '../util/isRecord';

/** A schema that passed the model's safety check is an object schema RJSF's validator reads. */
function isObjectSchema(schema: unknown): schema is RJSFSchema {
  return isRecord(schema);
}

/**
 * Validates data against a form (or the parameters) schema in the browser. The model's
 * `compileFormValidator` compiles with AJV (`new Function`), which the engine's
 * Content-Security-Policy forbids for the served designer; this uses the runtime's eval-free
 * validator (EstateForm's, on @cfworker/json-schema) after the model's own safety check — the
 * schema the engine's AJV will apply, interpreted instead of compiled.
 */
export function validateWithSchema(schema: unknown, data: unknown): FieldError[] {
  const safety = checkSchemaSafety(schema);
  if (!safety.ok) return safety.problems;
  if (!isObjectSchema(schema)) return [{ path: '', message: { 'zh-CN': '表单定义必须是对象', en: 'schema must be an object' } }];
  const { errors } = schemaValidator.validateFormData(data, schema);
  // The runtime form's own short messages, in both languages (the validator's are English only).
  const [zhCN, en] = [localizeValidationErrors(errors, 'zh-CN'), localizeValidationErrors(errors, 'en')];
  return errors.map((error, index) => {
    const path = (error.property ?? '')
      .split('.')
      .filter((part) => part !== '')
      .map((part) => `/${part.replace(/~/g, '~0').replace(/\//g, '~1')}`)
      .join('');
    const messageOf = (localized: typeof error | undefined) => localized?.message ?? error.message ?? error.stack;
    return { path, message: { 'zh-CN': messageOf(zhCN[index]), en: messageOf(en[index]) } };
  });
}
