import { createContext, useContext } from 'react';
import type { Locale, Translate } from './translate';
import { createTranslate } from './translate';

export interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

export const I18nContext = createContext<I18nValue>({
  locale: 'zh-CN',
  setLocale: () => undefined,
  t: createTranslate('zh-CN'),
});

export function useI18n(): I18nValue {
  return useContext(I18nContext);
}
