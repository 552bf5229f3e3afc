import type { RJSFValidationError } from '@rjsf/utils';
import type { Locale } from '../api/types';

type Params = Record<string, unknown>;
type MessageFor = (params: Params) => string;

const limit = (params: Params) => String(params.limit ?? '');

const zhCN: Record<string, MessageFor> = {
  required: () => '必填',
  minLength: (p) => `至少 ${limit(p)} 个字符`,
  maxLength: (p) => `最多 ${limit(p)} 个字符`,
  minimum: (p) => `不能小于 ${limit(p)}`,
  maximum: (p) => `不能大于 ${limit(p)}`,
  exclusiveMinimum: (p) => `必须大于 ${limit(p)}`,
  exclusiveMaximum: (p) => `必须小于 ${limit(p)}`,
  minItems: (p) => `至少 ${limit(p)} 项`,
  maxItems: (p) => `最多 ${limit(p)} 项`,
  uniqueItems: () => '不能有重复项',
  pattern: () => '格式不正确',
  format: (p) => (p.format === 'email' ? '邮箱格式不正确' : p.format === 'date' ? '日期格式不正确' : '格式不正确'),
  type: () => '类型不正确',
  enum: () => '请从选项中选择',
  const: () => '取值不正确',
  multipleOf: (p) => `必须是 ${String(p.multipleOf ?? '')} 的倍数`,
  oneOf: () => '请选择一个有效选项',
  anyOf: () => '请选择一个有效选项',
};

const en: Record<string, MessageFor> = {
  required: () => 'Required',
  minLength: (p) => `At least ${limit(p)} characters`,
  maxLength: (p) => `At most ${limit(p)} characters`,
  minimum: (p) => `Must be at least ${limit(p)}`,
  maximum: (p) => `Must be at most ${limit(p)}`,
  exclusiveMinimum: (p) => `Must be more than ${limit(p)}`,
  exclusiveMaximum: (p) => `Must be less than ${limit(p)}`,
  minItems: (p) => `At least ${limit(p)} items`,
  maxItems: (p) => `At most ${limit(p)} items`,
  uniqueItems: () => 'Items must be unique',
  pattern: () => 'Wrong format',
  format: (p) => (p.format === 'email' ? 'Not a valid email address' : p.format === 'date' ? 'Not a valid date' : 'Wrong format'),
  type: () => 'Wrong type',
  enum: () => 'Choose one of the options',
  const: () => 'Not an allowed value',
  multipleOf: (p) => `Must be a multiple of ${String(p.multipleOf ?? '')}`,
  oneOf: () => 'Choose a valid option',
  anyOf: () => 'Choose a valid option',
};

function isParams(value: unknown): value is Params {
  return typeof value === 'object' && value !== null;
}

/** AJV's English errors → short zh-CN or en messages (plain text; never rendered as HTML). */
export function localizeValidationErrors(errors: RJSFValidationError[], locale: Locale): RJSFValidationError[] {
  const table = locale === 'en' ? en : zhCN;
  return errors.map((error) => {
    const messageFor = error.name ? table[error.name] : undefined;
    if (!messageFor) return error;
    const message = messageFor(isParams(error.params) ? error.params : {});
    return { ...error, message, stack: `${error.property ?? ''} ${message}`.trim() };
  });
}
