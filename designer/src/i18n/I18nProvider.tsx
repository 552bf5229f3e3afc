import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCNLocale from 'antd/locale/zh_CN';
import { useMemo, useState, type ReactNode } from 'react';
import { I18nContext } from './I18nContext';
import { createTranslate, type Locale } from './translate';

const STORAGE_KEY = 'estateflow.designer.locale';

function storedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/** zh-CN unless the user switched: the dictionary, antd's locale and <html lang> follow. */
export function I18nProvider(props: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);
  const value = useMemo(
    () => ({
      locale,
      t: createTranslate(locale),
      setLocale: (next: Locale) => {
        setLocaleState(next);
        document.documentElement.lang = next;
        try {
          localStorage.setItem(STORAGE_KEY, next);
        } catch {
          // Private mode: the choice lasts for this page only.
        }
      },
    }),
    [locale],
  );
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider
        locale={locale === 'en' ? enUS : zhCNLocale}
        theme={{ token: { colorPrimary: '#1f6feb', borderRadius: 6 }, zeroRuntime: true }}
      >
        <AntApp>{props.children}</AntApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}
