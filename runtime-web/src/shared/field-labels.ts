import type { Locale } from '../api/types';
import { localizeForm } from '../forms/localize-form';

/** `personal`: a phone or ID number field, whose value the engine returns masked (the full number on request). */
export type FieldLabel = { title: string; options: Record<string, string>; personal?: 'phone' | 'idNumber' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Top-level field titles and option labels of a form, in the chosen language, for reading data. */
export function fieldLabels(input: { schema: unknown; uiSchema: unknown; locale: Locale }): Record<string, FieldLabel> {
  const { schema, uiSchema } = localizeForm({ schema: input.schema, uiSchema: input.uiSchema ?? {}, locale: input.locale });
  const labels: Record<string, FieldLabel> = {};
  if (!isRecord(schema) || !isRecord(schema.properties)) return labels;
  for (const [key, property] of Object.entries(schema.properties)) {
    if (!isRecord(property)) continue;
    const ui = isRecord(uiSchema) && isRecord(uiSchema[key]) ? uiSchema[key] : {};
    const title = typeof ui['ui:title'] === 'string' ? ui['ui:title'] : typeof property.title === 'string' ? property.title : key;
    const options: Record<string, string> = {};
    for (const keyword of ['oneOf', 'anyOf']) {
      const list = property[keyword];
      if (Array.isArray(list))
        for (const entry of list) if (isRecord(entry) && typeof entry.title === 'string') options[String(entry.const)] = entry.title;
    }
    const enumNames = ui['ui:enumNames'];
    if (Array.isArray(property.enum) && Array.isArray(enumNames)) {
      property.enum.forEach((value: unknown, index: number) => {
        const name: unknown = enumNames[index];
        if (typeof name === 'string') options[String(value)] = name;
      });
    }
    const widget = ui['ui:widget'];
    labels[key] = widget === 'phone' || widget === 'idNumber' ? { title, options, personal: widget } : { title, options };
  }
  return labels;
}
