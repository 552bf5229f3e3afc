import type { LocalizedText } from './generated/definition.js';

/** A message shown to people, zh-CN first. */
export interface LocalizedMessage {
  'zh-CN': string;
  en: string;
}

export function localizedMessage(zhCN: string, en: string): LocalizedMessage {
  return { 'zh-CN': zhCN, en };
}

/** The text for a locale, falling back to zh-CN (always present). */
export function textFor(text: LocalizedText | undefined, locale: 'zh-CN' | 'en'): string | undefined {
  if (text === undefined) return undefined;
  return locale === 'en' ? (text.en ?? text['zh-CN']) : text['zh-CN'];
}
