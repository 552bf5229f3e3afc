import { isRecord } from './is-record';

// How one workflow definition is laid out in a pack, so that each part is a small file that
// diffs well and a consultant can hand a form or a locale to someone else:
//   workflows/<key>/definition.json        everything but the parts below
//   workflows/<key>/parameters.json        the per-estate parameters' JSON Schema, with defaults
//   workflows/<key>/forms/<form>.json      one form: { title, schema, uiSchema }
//   workflows/<key>/notifications/<locale>.json   template → { title, body } for one locale
//   workflows/<key>/scenarios/<name>.json  one scenario (the definition's `tests`)

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function workflowDir(key: string): string {
  return `workflows/${key}`;
}

/** Which part of a definition a file under workflows/<key>/ holds, or null when the format has no such file. */
export type WorkflowFileRole =
  | { kind: 'definition' }
  | { kind: 'parameters' }
  | { kind: 'form'; name: string }
  | { kind: 'notifications'; locale: Locale }
  | { kind: 'scenario'; name: string };

export function workflowFileRole(relative: string): WorkflowFileRole | null {
  if (relative === 'definition.json') return { kind: 'definition' };
  if (relative === 'parameters.json') return { kind: 'parameters' };
  const form = /^forms\/([A-Za-z][A-Za-z0-9_]{0,63})\.json$/.exec(relative);
  if (form?.[1] !== undefined) return { kind: 'form', name: form[1] };
  const notifications = /^notifications\/([A-Za-z-]+)\.json$/.exec(relative);
  const locale = LOCALES.find((candidate) => candidate === notifications?.[1]);
  if (locale !== undefined) return { kind: 'notifications', locale };
  const scenario = /^scenarios\/([a-z0-9][a-z0-9-]{0,99})\.json$/.exec(relative);
  if (scenario?.[1] !== undefined) return { kind: 'scenario', name: scenario[1] };
  return null;
}

/** A definition split into the files of its pack folder (the inverse of assembly). */
export function splitWorkflow(definition: unknown): Map<string, unknown> {
  const files = new Map<string, unknown>();
  if (!isRecord(definition)) return files;
  const { forms, parameters, notifications, tests, ...rest } = definition;
  const key = typeof rest['key'] === 'string' ? rest['key'] : 'workflow';
  const dir = workflowDir(key);
  files.set(`${dir}/definition.json`, rest);
  if (parameters !== undefined) files.set(`${dir}/parameters.json`, parameters);
  if (isRecord(forms)) for (const [name, form] of Object.entries(forms)) files.set(`${dir}/forms/${name}.json`, form);
  if (isRecord(notifications)) {
    for (const locale of LOCALES) {
      const perLocale: Record<string, unknown> = {};
      for (const [template, texts] of Object.entries(notifications))
        if (isRecord(texts) && texts[locale] !== undefined) perLocale[template] = texts[locale];
      if (Object.keys(perLocale).length > 0) files.set(`${dir}/notifications/${locale}.json`, perLocale);
    }
  }
  if (Array.isArray(tests)) {
    const used = new Set<string>();
    tests.forEach((scenario, index) => {
      const name = isRecord(scenario) && typeof scenario['name'] === 'string' ? scenario['name'] : `scenario-${index + 1}`;
      let slug =
        name
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-+|-+$/g, '')
          .slice(0, 80) || `scenario-${index + 1}`;
      while (used.has(slug)) slug = `${slug}-${index + 1}`;
      used.add(slug);
      files.set(`${dir}/scenarios/${slug}.json`, scenario);
    });
  }
  return files;
}

/** Pretty JSON as packs store it: two spaces, a final newline. */
export function packJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
