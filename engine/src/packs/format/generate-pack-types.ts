import { compile, type JSONSchema } from 'json-schema-to-typescript';
import type { WorkflowDefinition } from '@estateflow/model';
import { isRecord } from './is-record';

const BANNER = (source: string) => `/* eslint-disable */
// GENERATED from ${source} by \`estateflow pack types\` (json-schema-to-typescript).
// Do not edit: change the schemas and regenerate; a test fails when this file is stale.`;

const OPTIONS = {
  bannerComment: '',
  additionalProperties: false,
  declareExternallyReferenced: true,
  format: true,
  style: { singleQuote: true, printWidth: 140 },
  strictIndexSignatures: true,
  // Local refs only: a pack schema never reaches for a file or URL, and neither does its generator.
  $refOptions: { resolve: { file: false, http: false, external: false } },
} as const;

/** TypeScript types for every form and the parameters of each workflow of a pack. */
export async function generatePackTypes(options: {
  packName: string;
  workflows: { key: string; definition: WorkflowDefinition }[];
}): Promise<string> {
  const parts: string[] = [BANNER(`the forms and parameters of the "${options.packName}" pack`)];
  for (const { key, definition } of options.workflows) {
    const prefix = pascal(key);
    if (definition.parameters !== undefined) parts.push(await compileNamed(definition.parameters, `${prefix}Parameters`));
    for (const name of Object.keys(definition.forms).sort()) {
      const form = definition.forms[name];
      if (form !== undefined) parts.push(await compileNamed(form.schema, `${prefix}${pascal(name)}Form`));
    }
  }
  return `${parts
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

/** The PackManifest type from templates/pack.schema.json. */
export async function generateManifestTypes(schema: unknown): Promise<string> {
  return `${BANNER('templates/pack.schema.json')}\n${(await compileNamed(schema, 'PackManifest', false)).trim()}\n`;
}

async function compileNamed(schema: unknown, name: string, plain = true): Promise<string> {
  const prepared = plain ? forTypes(schema) : schema;
  if (!isRecord(prepared)) return `export type ${name} = unknown;\n`;
  const input: JSONSchema = { ...prepared, title: name };
  return compile(input, name, OPTIONS);
}

/**
 * Form schemas carry zh-CN titles, which json-schema-to-typescript would turn into type names;
 * they become doc comments instead. Conditionals (if/then) only add required fields and are dropped.
 */
function forTypes(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(forTypes);
  if (!isRecord(schema)) return schema;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'title' || key === 'if' || key === 'then' || key === 'else' || key === 'examples') continue;
    if (key === 'allOf' && Array.isArray(value) && value.every((item) => isRecord(item) && 'if' in item)) continue;
    if (key === 'properties' && isRecord(value)) {
      result[key] = Object.fromEntries(Object.entries(value).map(([field, child]) => [field, forTypes(child)]));
      continue;
    }
    result[key] = forTypes(value);
  }
  if (typeof schema['title'] === 'string') {
    const description = typeof schema['description'] === 'string' ? `${schema['title']}: ${schema['description']}` : schema['title'];
    result['description'] = description;
  }
  if (Array.isArray(schema['oneOf']) && schema['oneOf'].every((item) => isRecord(item) && 'const' in item)) {
    result['oneOf'] = schema['oneOf'].map((item) =>
      isRecord(item) ? { const: item['const'], ...(typeof item['title'] === 'string' ? { description: item['title'] } : {}) } : item,
    );
  }
  return result;
}

function pascal(name: string): string {
  return name.replace(/(^|[-_])([a-zA-Z0-9])/g, (_match, _separator: string, letter: string) => letter.toUpperCase());
}
