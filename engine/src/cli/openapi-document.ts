/**
 * The committed OpenAPI document (docs/openapi.json): the running engine's /api/docs-json with
 * every object's keys sorted, so that the file changes only when the API does and diffs read well.
 */
export const OPENAPI_FILE = 'docs/openapi.json';

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys(Reflect.get(value, key));
  return sorted;
}

/** The document as committed: sorted keys, two-space indent, a final newline. */
export function canonicalOpenApi(document: unknown): string {
  return `${JSON.stringify(sortKeys(document), null, 2)}\n`;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'];

/** Routes the document leaves without a summary or a tag ("GET /api/x: summary"), for the test and the script. */
export function undocumentedOperations(document: unknown): string[] {
  const problems: string[] = [];
  const paths = typeof document === 'object' && document !== null ? Reflect.get(document, 'paths') : undefined;
  if (typeof paths !== 'object' || paths === null) return ['the document has no paths'];
  for (const [path, item] of Object.entries(paths)) {
    if (typeof item !== 'object' || item === null) continue;
    for (const method of METHODS) {
      const operation: unknown = Reflect.get(item, method);
      if (typeof operation !== 'object' || operation === null) continue;
      const summary: unknown = Reflect.get(operation, 'summary');
      const tags: unknown = Reflect.get(operation, 'tags');
      if (typeof summary !== 'string' || summary.trim() === '') problems.push(`${method.toUpperCase()} ${path}: summary`);
      if (!Array.isArray(tags) || tags.length === 0) problems.push(`${method.toUpperCase()} ${path}: tag`);
    }
  }
  return problems;
}
