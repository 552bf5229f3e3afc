import { Segmented } from 'antd';
import { useI18n } from '../i18n/I18nProvider';
import { isLocale } from '../i18n/translate';

export function LanguageSwitch({ size }: { size?: 'small' | 'middle' | 'large' }) {
  const { locale, setLocale, t } = useI18n();
  return (
    <Segmented
      size={size}
      aria-label={t('common.language')}
      value={locale}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'EN', value: 'en' },
      ]}
      onChange={(value) => {
        if (isLocale(value)) setLocale(value);
      }}
    />
  );
}
