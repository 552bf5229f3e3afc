import { localizedMessage, type LocalizedMessage } from '../localized.js';
import { measureJson } from '../util/measure-json.js';
import { isRecord } from '../util/records.js';
import { checkRegexSafety } from './regex-safety.js';

export const SCHEMA_LIMITS = { maxDepth: 32, maxNodes: 5_000, maxStringLength: 10_000, maxBytes: 256 * 1024 };

export interface SchemaProblem {
  /** JSON pointer into the schema. */
  path: string;
  message: LocalizedMessage;
}

export type SchemaSafety = { ok: true } | { ok: false; problems: SchemaProblem[] };

/** Keywords that load or compute schemas at validation time: never in an untrusted schema. */
const FORBIDDEN_KEYWORDS = ['$data', '$async', '$id', 'id', '$dynamicRef', '$recursiveRef', '$dynamicAnchor', '$recursiveAnchor'];
const ALLOWED_META_SCHEMAS = ['http://json-schema.org/draft-07/schema#', 'http://json-schema.org/draft-07/schema'];

/**
 * Checks an untrusted JSON Schema (a form from a pack or the designer) before AJV or
 * json-schema-to-typescript sees it (RELIABILITY 11): size and depth caps, no $data, only local
 * "#/..." refs, and regex patterns that cannot hang the event loop.
 */
export function checkSchemaSafety(schema: unknown): SchemaSafety {
  if (!isRecord(schema)) return fail('', localizedMessage('表单定义必须是 JSON 对象', 'a schema must be a JSON object'));
  const measure = measureJson(schema, SCHEMA_LIMITS);
  if (!measure.ok)
    return fail('', localizedMessage(`表单定义过大或嵌套过深（${measure.reason}）`, `schema is too large or too deep (${measure.reason})`));
  if (JSON.stringify(schema).length > SCHEMA_LIMITS.maxBytes) return fail('', localizedMessage('表单定义过大', 'schema is too large'));
  const problems: SchemaProblem[] = [];
  const pending: Array<{ value: unknown; path: string; parentKey: string | undefined }> = [
    { value: schema, path: '', parentKey: undefined },
  ];
  while (pending.length > 0) {
    const current = pending.pop();
    if (current === undefined) break;
    const { value, path } = current;
    if (Array.isArray(value)) {
      value.forEach((item: unknown, index) => pending.push({ value: item, path: `${path}/${index}`, parentKey: current.parentKey }));
      continue;
    }
    if (!isRecord(value)) continue;
    // Inside `properties`, `definitions` and the like, keys are names, not keywords.
    const namesHere =
      current.parentKey === 'properties' ||
      current.parentKey === 'definitions' ||
      current.parentKey === '$defs' ||
      current.parentKey === 'patternProperties' ||
      current.parentKey === 'dependencies';
    for (const [key, child] of Object.entries(value)) {
      const childPath = `${path}/${escape(key)}`;
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
        problems.push({ path: childPath, message: localizedMessage(`不允许的名称 "${key}"`, `"${key}" is not an allowed name`) });
        continue;
      }
      if (current.parentKey === 'patternProperties') checkPattern({ pattern: key, path: childPath, problems });
      if (!namesHere) checkKeyword({ key, child, path: childPath, problems });
      pending.push({ value: child, path: childPath, parentKey: namesHere ? undefined : key });
    }
  }
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}

function checkKeyword(options: { key: string; child: unknown; path: string; problems: SchemaProblem[] }): void {
  const { key, child, path, problems } = options;
  if (FORBIDDEN_KEYWORDS.includes(key)) {
    problems.push({ path, message: localizedMessage(`不允许使用 ${key}`, `${key} is not allowed`) });
  } else if (key === '$ref' && (typeof child !== 'string' || !child.startsWith('#'))) {
    problems.push({ path, message: localizedMessage('只允许本文档内的引用（#/...）', 'only local references (#/...) are allowed') });
  } else if (key === '$schema' && (typeof child !== 'string' || !ALLOWED_META_SCHEMAS.includes(child))) {
    problems.push({ path, message: localizedMessage('只支持 JSON Schema draft-07', 'only JSON Schema draft-07 is supported') });
  } else if (key === 'pattern') {
    if (typeof child === 'string') checkPattern({ pattern: child, path, problems });
    else problems.push({ path, message: localizedMessage('pattern 必须是字符串', 'pattern must be a string') });
  }
}

function checkPattern(options: { pattern: string; path: string; problems: SchemaProblem[] }): void {
  const verdict = checkRegexSafety(options.pattern);
  if (verdict.safe) return;
  const reasons = {
    tooLong: localizedMessage('正则表达式过长', 'the pattern is too long'),
    backreference: localizedMessage('正则表达式不能使用反向引用', 'the pattern may not use back-references'),
    nestedQuantifier: localizedMessage(
      '正则表达式含嵌套重复，可能导致卡死',
      'the pattern repeats a repeated group, which can hang validation',
    ),
    invalid: localizedMessage('正则表达式无效', 'the pattern is not a valid regular expression'),
  };
  options.problems.push({ path: options.path, message: reasons[verdict.reason] });
}

function fail(path: string, message: LocalizedMessage): SchemaSafety {
  return { ok: false, problems: [{ path, message }] };
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
