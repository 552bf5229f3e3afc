// Workflow forms carry their zh-CN text in the JSON Schema (titles) and other languages in the
// uiSchema under "ui:locale", e.g.
//   "category": { "ui:locale": { "en": { "title": "Category", "description": "…",
//                 "options": { "plumbing_electric": "Plumbing / electric" },
//                 "items": { "name": "Item" }, "submitText": "Submit" } } }
// This turns the entries for the chosen locale into what RJSF reads (ui:title, ui:description,
// ui:help, ui:placeholder, option titles, ui:enumNames, ui:submitButtonOptions) and drops the
// "ui:locale" keys.
import type { Locale } from '../api/types';

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function childNode(parent: Node, key: string): Node {
  const existing = parent[key];
  if (isNode(existing)) return existing;
  const created: Node = {};
  parent[key] = created;
  return created;
}

function applyOptions(schema: Node, ui: Node, options: Node): void {
  for (const keyword of ['oneOf', 'anyOf']) {
    const list = schema[keyword];
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      if (!isNode(entry)) continue;
      const label = options[String(entry.const)];
      if (typeof label === 'string') entry.title = label;
    }
  }
  if (Array.isArray(schema.enum)) {
    ui['ui:enumNames'] = schema.enum.map((value: unknown) => {
      const label = options[String(value)];
      return typeof label === 'string' ? label : String(value);
    });
  }
  if (
    isNode(schema.items) &&
    (Array.isArray(schema.items.enum) || Array.isArray(schema.items.oneOf) || Array.isArray(schema.items.anyOf))
  ) {
    applyOptions(schema.items, childNode(ui, 'items'), options);
  }
}

function applyEntry(schema: Node, ui: Node, entry: Node): void {
  const textKeys: [string, string][] = [
    ['title', 'ui:title'],
    ['description', 'ui:description'],
    ['help', 'ui:help'],
    ['placeholder', 'ui:placeholder'],
  ];
  for (const [from, to] of textKeys) if (typeof entry[from] === 'string') ui[to] = entry[from];
  if (typeof entry.submitText === 'string') {
    const existing = isNode(ui['ui:submitButtonOptions']) ? ui['ui:submitButtonOptions'] : {};
    ui['ui:submitButtonOptions'] = { ...existing, submitText: entry.submitText };
  }
  if (isNode(entry.options)) applyOptions(schema, ui, entry.options);
  if (isNode(entry.items)) {
    const itemsUi = childNode(ui, 'items');
    for (const [child, label] of Object.entries(entry.items)) if (typeof label === 'string') childNode(itemsUi, child)['ui:title'] = label;
  }
}

function walk(schema: Node, ui: Node, locale: Locale): void {
  const locales = ui['ui:locale'];
  if (isNode(locales)) {
    const entry = locales[locale];
    if (isNode(entry)) applyEntry(schema, ui, entry);
    delete ui['ui:locale'];
  }
  if (isNode(schema.properties)) {
    for (const [key, childSchema] of Object.entries(schema.properties)) {
      const childUi = ui[key];
      if (isNode(childSchema) && isNode(childUi)) walk(childSchema, childUi, locale);
    }
  }
  if (isNode(schema.items) && isNode(ui.items)) walk(schema.items, ui.items, locale);
}

/** The form's schema and uiSchema with the "ui:locale" texts of `locale` applied (copies). */
export function localizeForm<S, U>(input: { schema: S; uiSchema: U; locale: Locale }): { schema: S; uiSchema: U } {
  const schema = structuredClone(input.schema);
  const uiSchema = structuredClone(input.uiSchema);
  if (isNode(schema) && isNode(uiSchema)) walk(schema, uiSchema, input.locale);
  return { schema, uiSchema };
}
