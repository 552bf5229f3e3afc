import type { LocalizedText, WorkflowDefinition } from '@estateflow/model';
import { isRecord } from '../packs/format/is-record';

/**
 * The fields where a workflow asks for a satisfaction score: top-level form fields shown with
 * the `rating` widget (the repair's 满意度 on confirmation, the complaint's on the return visit).
 */
export function ratingFieldNames(definition: WorkflowDefinition): string[] {
  const names = new Set<string>();
  for (const form of Object.values(definition.forms ?? {})) {
    const uiSchema = form?.uiSchema;
    if (!isRecord(uiSchema)) continue;
    for (const [field, options] of Object.entries(uiSchema)) {
      if (!field.startsWith('ui:') && isRecord(options) && options['ui:widget'] === 'rating') names.add(field);
    }
  }
  return [...names].sort();
}

/**
 * The labels of the start form's `category` choices (`oneOf` with `const` and `title`; English
 * from the field's uiSchema `ui:locale.en.options`), by value.
 */
export function categoryLabels(definition: WorkflowDefinition): Map<string, LocalizedText> {
  const labels = new Map<string, LocalizedText>();
  const form = definition.startForm === undefined ? undefined : definition.forms?.[definition.startForm];
  const properties = isRecord(form?.schema) ? form.schema['properties'] : undefined;
  const field = isRecord(properties) ? properties['category'] : undefined;
  const choices = isRecord(field) ? field['oneOf'] : undefined;
  if (!Array.isArray(choices)) return labels;
  const uiField = isRecord(form?.uiSchema) ? form.uiSchema['category'] : undefined;
  const locale = isRecord(uiField) ? uiField['ui:locale'] : undefined;
  const english = isRecord(locale) && isRecord(locale['en']) ? locale['en']['options'] : undefined;
  for (const choice of choices) {
    if (!isRecord(choice) || typeof choice['const'] !== 'string' || typeof choice['title'] !== 'string') continue;
    const en = isRecord(english) ? english[choice['const']] : undefined;
    labels.set(choice['const'], typeof en === 'string' ? { 'zh-CN': choice['title'], en } : { 'zh-CN': choice['title'] });
  }
  return labels;
}
