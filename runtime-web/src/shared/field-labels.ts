import type { Locale } from '../api/types';
import { localizeForm } from '../forms/localize-form';

/**
 * How to name a field's value for reading. `personal`: a phone or ID number field, whose value
 * the engine returns masked (the full number on request). `fields`: the labels inside an object
 * field, or inside each item of a list of objects.
 */
export type FieldLabel = {
  title: string;
  options: Record<string, string>;
  personal?: 'phone' | 'idNumber';
  fields?: Record<string, FieldLabel>;
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function labelOf(key: string, property: Record<string, unknown>, ui: Record<string, unknown>): FieldLabel {
  const title = typeof ui['ui:title'] === 'string' ? ui['ui:title'] : typeof property.title === 'string' ? property.title : key;
  const options: Record<string, string> = {};
  // A multiple choice (checkboxes) keeps its options on its items.
  const choices = property.type === 'array' && isRecord(property.items) ? property.items : property;
  for (const keyword of ['oneOf', 'anyOf']) {
    const list = choices[keyword];
    if (Array.isArray(list))
      for (const entry of list) if (isRecord(entry) && typeof entry.title === 'string') options[String(entry.const)] = entry.title;
  }
  // The chosen language's names of a multiple choice's options sit on its items (localizeForm).
  const itemsUi = property.type === 'array' && isRecord(ui.items) ? ui.items : {};
  const enumNames = Array.isArray(itemsUi['ui:enumNames']) ? itemsUi['ui:enumNames'] : ui['ui:enumNames'];
  if (Array.isArray(choices.enum) && Array.isArray(enumNames)) {
    choices.enum.forEach((value: unknown, index: number) => {
      const name: unknown = enumNames[index];
      if (typeof name === 'string') options[String(value)] = name;
    });
  }
  const label: FieldLabel = { title, options };
  const widget = ui['ui:widget'];
  if (widget === 'phone' || widget === 'idNumber') label.personal = widget;
  // An object's fields, or those of each item of a list of objects.
  const inner = property.type === 'array' && isRecord(property.items) ? property.items : property;
  const innerUi = property.type === 'array' && isRecord(ui.items) ? ui.items : ui;
  if (inner.type === 'object' && isRecord(inner.properties)) {
    // Titles localised for an object's fields sit under its uiSchema's "items" (ui:locale's shape).
    const itemTitles = property.type === 'object' && isRecord(ui.items) ? ui.items : {};
    const fields: Record<string, FieldLabel> = {};
    for (const [childKey, child] of Object.entries(inner.properties)) {
      if (!isRecord(child)) continue;
      const own = isRecord(innerUi[childKey]) ? innerUi[childKey] : {};
      const localized = isRecord(itemTitles[childKey]) ? itemTitles[childKey] : {};
      fields[childKey] = labelOf(childKey, child, { ...localized, ...own });
    }
    label.fields = fields;
  }
  return label;
}

/** Field titles and option labels of a form, in the chosen language, for reading data; nested fields under `fields`. */
export function fieldLabels(input: { schema: unknown; uiSchema: unknown; locale: Locale }): Record<string, FieldLabel> {
  const { schema, uiSchema } = localizeForm({ schema: input.schema, uiSchema: input.uiSchema ?? {}, locale: input.locale });
  const labels: Record<string, FieldLabel> = {};
  if (!isRecord(schema) || !isRecord(schema.properties)) return labels;
  for (const [key, property] of Object.entries(schema.properties)) {
    if (!isRecord(property)) continue;
    labels[key] = labelOf(key, property, isRecord(uiSchema) && isRecord(uiSchema[key]) ? uiSchema[key] : {});
  }
  return labels;
}
