import { isRecord } from '../util/isRecord';
import type { UiSchema } from './fieldModel';

/**
 * Per-language form text, the convention runtime-web and the template packs share: the schema's
 * own title/description are zh-CN; other languages sit beside the field in uiSchema as
 * `"ui:locale": { "en": { "title", "description", "options", "items", … } }`, which the shared
 * `EstateForm` applies for its `locale` (runtime-web/src/forms/localize-form.ts).
 *
 * Forms the designer wrote before used `"ui:i18n"` with the same shape; they are read as
 * `ui:locale` (and rewritten as such on the next edit of the field).
 */
const LOCALE_KEY = 'ui:locale';
const LEGACY_KEY = 'ui:i18n';

/** The field's per-locale texts, the legacy `ui:i18n` merged under `ui:locale`. */
function localeTexts(ui: UiSchema): Record<string, unknown> {
  const legacy = isRecord(ui[LEGACY_KEY]) ? ui[LEGACY_KEY] : {};
  const current = isRecord(ui[LOCALE_KEY]) ? ui[LOCALE_KEY] : {};
  const merged: Record<string, unknown> = { ...legacy };
  for (const [locale, texts] of Object.entries(current)) {
    const before = merged[locale];
    merged[locale] = isRecord(before) && isRecord(texts) ? { ...before, ...texts } : texts;
  }
  return merged;
}

/** The uiSchema as EstateForm reads it: legacy `ui:i18n` entries become `ui:locale`, at every depth. */
export function withLocaleConvention(ui: unknown): UiSchema {
  if (!isRecord(ui)) return {};
  const result: UiSchema = {};
  for (const [key, value] of Object.entries(ui)) {
    if (key === LEGACY_KEY) continue;
    result[key] = isRecord(value) && !key.startsWith('ui:') ? withLocaleConvention(value) : value;
  }
  if (LEGACY_KEY in ui) result[LOCALE_KEY] = localeTexts(ui);
  return result;
}

export function englishText(ui: UiSchema, name: 'title' | 'description'): string {
  const en = localeTexts(ui).en;
  const text = isRecord(en) ? en[name] : undefined;
  return typeof text === 'string' ? text : '';
}

export function withEnglishText(ui: UiSchema, input: { name: 'title' | 'description'; text: string }): UiSchema {
  const texts = localeTexts(ui);
  const en = isRecord(texts.en) ? texts.en : {};
  const { [LEGACY_KEY]: _legacy, ...rest } = ui;
  return { ...rest, [LOCALE_KEY]: { ...texts, en: { ...en, [input.name]: input.text } } };
}
