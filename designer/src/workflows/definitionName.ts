import { pickText, type Locale } from '../i18n/translate';

/** A workflow's name as the list shows it: the API may send a plain string or a `{ zh-CN, en }` pair. */
export function definitionName(name: string | { 'zh-CN'?: string; en?: string }, locale: Locale): string {
  return typeof name === 'string' ? name : pickText(name, locale);
}
