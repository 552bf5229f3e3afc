import { isRecord } from './is-record';

export interface SchemaHazard {
  /** JSON pointer inside the schema. */
  path: string;
  reason: string;
}

/**
 * Hazards in a form or parameters schema from a pack, found before any compiler reads it:
 * `$ref` to anything but a place in the same document (a file or URL would be fetched or read
 * by some tools), and `$data` / `$async` (runtime-evaluated references).
 */
export function findSchemaHazards(schema: unknown, base = ''): SchemaHazard[] {
  const hazards: SchemaHazard[] = [];
  const visit = (value: unknown, pointer: string) => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${pointer}/${index}`));
      return;
    }
    if (!isRecord(value)) return;
    for (const [key, child] of Object.entries(value)) {
      const at = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (key === '$ref' && typeof child === 'string' && !child.startsWith('#'))
        hazards.push({
          path: at,
          reason: `"$ref" to "${child.slice(0, 100)}": only references inside the same schema ("#/...") are allowed`,
        });
      if (key === '$data' || key === '$async') hazards.push({ path: at, reason: `"${key}" is not allowed in a pack schema` });
      visit(child, at);
    }
  };
  visit(schema, base);
  return hazards;
}
