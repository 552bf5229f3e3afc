import type { JsonValue, StartableWorkflow } from '../api/types';

function record(value: JsonValue | undefined): { [key: string]: JsonValue } | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : null;
}

/**
 * The request categories the estate's workflows offer (the start form's `category` field: its
 * `oneOf` choices with titles, English from uiSchema `ui:locale`), for the inbox's category filter.
 */
export function categoryOptions(workflows: readonly StartableWorkflow[], locale: 'zh-CN' | 'en'): { value: string; label: string }[] {
  const options = new Map<string, string>();
  for (const workflow of workflows) {
    const field = record(record(record(workflow.startForm?.schema)?.['properties'])?.['category']);
    const choices = field?.['oneOf'];
    if (!Array.isArray(choices)) continue;
    const english = record(record(record(record(workflow.startForm?.uiSchema)?.['category'])?.['ui:locale'])?.['en'])?.['options'];
    for (const choice of choices) {
      const value = record(choice)?.['const'];
      if (typeof value !== 'string' || options.has(value)) continue;
      const title = record(choice)?.['title'];
      const translated = locale === 'en' ? record(english ?? null)?.[value] : undefined;
      options.set(value, typeof translated === 'string' ? translated : typeof title === 'string' ? title : value);
    }
  }
  return [...options].map(([value, label]) => ({ value, label }));
}
