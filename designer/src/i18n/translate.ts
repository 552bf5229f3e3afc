import { en } from './messages-en';
import { zhCN, type MessageKey } from './messages-zh-CN';

export type Locale = 'zh-CN' | 'en';
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const dictionaries: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** A dictionary lookup with `{name}` placeholders; a missing key shows the key itself. */
export function createTranslate(locale: Locale): Translate {
  const dictionary = dictionaries[locale];
  return (key, vars) => {
    const text = dictionary[key] ?? key;
    if (!vars) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  };
}

/** Picks the text for a locale from a `{ "zh-CN", en }` pair, falling back to the other one. */
export function pickText(text: { 'zh-CN'?: string; en?: string } | undefined, locale: Locale): string {
  if (!text) return '';
  return (locale === 'en' ? text.en || text['zh-CN'] : text['zh-CN'] || text.en) ?? '';
}
