import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Locale, LocalizedText } from '../api/types';
import { isLocale, pickText, translate, type MessageKey, type Translate, type TranslateVars } from './translate';

const storageKey = 'ef.locale';

type I18n = {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  text: (label: LocalizedText | string | null | undefined) => string;
};

const I18nContext = createContext<I18n | null>(null);

function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(storageKey);
    if (isLocale(stored)) return stored;
  } catch {
    // storage unavailable (private mode): fall back to the default
  }
  return 'zh-CN';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    document.documentElement.lang = next;
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // not persisted; the choice still holds for this visit
    }
  }, []);
  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      t: (key: MessageKey, vars?: TranslateVars) => translate(locale, key, vars),
      text: (label) => pickText(label, locale),
    }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
