import { findForbiddenKey } from '../../common/forbidden-keys';
import type { PackProblem } from './pack-problem';

export type ParsedJson = { ok: true; value: unknown } | { ok: false; problem: PackProblem };

/** A pack file's JSON, refusing keys that could reach a prototype (`__proto__`, `constructor`). */
export function parsePackJson(file: string, bytes: Buffer): ParsedJson {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (error: unknown) {
    return { ok: false, problem: { file, path: '', reason: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` } };
  }
  const forbidden = findForbiddenKey(value);
  if (forbidden !== null)
    return {
      ok: false,
      problem: {
        file,
        path: `/${forbidden
          .replace(/\[(\d+)\]/g, '.$1')
          .split('.')
          .join('/')}`,
        reason: 'key that could reach an object prototype',
      },
    };
  return { ok: true, value };
}
