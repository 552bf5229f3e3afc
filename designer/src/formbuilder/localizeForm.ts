import type { Locale } from '../i18n/translate';
import { isRecord } from '../util/isRecord';
import type { UiSchema } from './fieldModel';

/**
 * English labels live beside each field in uiSchema as `ui:i18n: { en: { title, description } }`
 * (the schema's own title/description are zh-CN). For an English rendering they become RJSF's
 * `ui:title` / `ui:description` overrides, at every depth.
 */
export function localizeUiSchema(ui: unknown, locale: Locale): UiSchema {
  if (!isRecord(ui)) return {};
  const result: UiSchema = {};
  for (const [key, value] of Object.entries(ui)) {
    if (key === 'ui:i18n') {
      const texts = isRecord(value) ? value[locale] : undefined;
      if (isRecord(texts)) {
        if (typeof texts.title === 'string' && texts.title !== '') result['ui:title'] = texts.title;
        if (typeof texts.description === 'string' && texts.description !== '') result['ui:description'] = texts.description;
      }
      continue;
    }
    result[key] = isRecord(value) && !key.startsWith('ui:') ? localizeUiSchema(value, locale) : value;
  }
  return result;
}

export function englishText(ui: UiSchema, name: 'title' | 'description'): string {
  const i18n = ui['ui:i18n'];
  const en = isRecord(i18n) ? i18n.en : undefined;
  const text = isRecord(en) ? en[name] : undefined;
  return typeof text === 'string' ? text : '';
}

export function withEnglishText(ui: UiSchema, input: { name: 'title' | 'description'; text: string }): UiSchema {
  const i18n = isRecord(ui['ui:i18n']) ? ui['ui:i18n'] : {};
  const en = isRecord(i18n.en) ? i18n.en : {};
  return { ...ui, 'ui:i18n': { ...i18n, en: { ...en, [input.name]: input.text } } };
}
