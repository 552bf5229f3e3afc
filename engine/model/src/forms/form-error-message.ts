import type { ErrorObject } from 'ajv';
import { localizedMessage, type LocalizedMessage } from '../localized.js';

const TYPE_NAMES: Record<string, [string, string]> = {
  string: ['文本', 'text'],
  number: ['数字', 'a number'],
  integer: ['整数', 'a whole number'],
  boolean: ['是/否', 'yes or no'],
  object: ['对象', 'an object'],
  array: ['列表', 'a list'],
  null: ['空', 'empty'],
};

const FORMAT_NAMES: Record<string, [string, string]> = {
  'date-time': ['日期时间', 'a date and time'],
  date: ['日期', 'a date'],
  time: ['时间', 'a time'],
  email: ['电子邮箱', 'an email address'],
  uri: ['网址', 'a web address'],
};

/** The message a person reads for one AJV error, zh-CN first. */
export function formErrorMessage(error: ErrorObject): LocalizedMessage {
  const params: Record<string, unknown> = error.params;
  const limit = String(params['limit'] ?? '');
  switch (error.keyword) {
    case 'required':
      return localizedMessage('此项为必填', 'is required');
    case 'type': {
      const [zh, en] = TYPE_NAMES[String(params['type'])] ?? [String(params['type']), String(params['type'])];
      return localizedMessage(`应为${zh}`, `must be ${en}`);
    }
    case 'minimum':
      return localizedMessage(`不能小于 ${limit}`, `must be at least ${limit}`);
    case 'exclusiveMinimum':
      return localizedMessage(`必须大于 ${limit}`, `must be more than ${limit}`);
    case 'maximum':
      return localizedMessage(`不能大于 ${limit}`, `must be at most ${limit}`);
    case 'exclusiveMaximum':
      return localizedMessage(`必须小于 ${limit}`, `must be less than ${limit}`);
    case 'minLength':
      return localizedMessage(`至少 ${limit} 个字符`, `must be at least ${limit} characters`);
    case 'maxLength':
      return localizedMessage(`最多 ${limit} 个字符`, `must be at most ${limit} characters`);
    case 'minItems':
      return localizedMessage(`至少 ${limit} 项`, `must have at least ${limit} items`);
    case 'maxItems':
      return localizedMessage(`最多 ${limit} 项`, `must have at most ${limit} items`);
    case 'pattern':
      return localizedMessage('格式不正确', 'has the wrong format');
    case 'format': {
      const [zh, en] = FORMAT_NAMES[String(params['format'])] ?? [String(params['format']), String(params['format'])];
      return localizedMessage(`应为${zh}格式`, `must be ${en}`);
    }
    case 'enum':
      return localizedMessage('不是可选的值', 'is not one of the allowed values');
    case 'const':
      return localizedMessage('值不正确', 'has the wrong value');
    case 'oneOf':
      return params['passingSchemas'] === null || params['passingSchemas'] === undefined
        ? localizedMessage('不在可选项之内', 'is not one of the allowed options')
        : localizedMessage('同时符合多个选项', 'matches more than one of the options');
    case 'anyOf':
      return localizedMessage('不在可选项之内', 'is not one of the allowed options');
    case 'multipleOf':
      return localizedMessage(`应为 ${String(params['multipleOf'])} 的倍数`, `must be a multiple of ${String(params['multipleOf'])}`);
    case 'uniqueItems':
      return localizedMessage('不能有重复项', 'must not contain duplicates');
    case 'additionalProperties':
      return localizedMessage('不允许的字段', 'is not an allowed field');
    default:
      return localizedMessage('输入无效', error.message ?? 'is invalid');
  }
}
