import type { Locale, LocalizedText } from '../api/types';
import { en } from './en';
import { zhCN, type MessageKey } from './zh-CN';

export type { MessageKey };
export type TranslateVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: TranslateVars) => string;

const dictionaries: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** Looks a key up in the locale's dictionary and fills `{name}` placeholders. */
export function translate(locale: Locale, key: MessageKey, vars?: TranslateVars): string {
  const template = dictionaries[locale][key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The caller's language from a server `{ 'zh-CN', en }` label; plain strings pass through. */
export function pickText(text: LocalizedText | string | null | undefined, locale: Locale): string {
  if (text === null || text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[locale] || text['zh-CN'] || text.en || '';
}

export function isLocale(value: unknown): value is Locale {
  return value === 'zh-CN' || value === 'en';
}
