import { useI18n } from '../i18n/I18nProvider';

/** The admin pages' words, in the current locale: `tr('楼栋', 'Building')`. */
export function useAdminText(): (zh: string, en: string) => string {
  const { locale } = useI18n();
  return (zh, en) => (locale === 'zh-CN' ? zh : en);
}
