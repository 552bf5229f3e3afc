import type { ReactNode } from 'react';
import { App, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useI18n } from '../i18n/I18nProvider';

/** Ant Design in the chosen language (zh-CN default), with larger type when asked for. */
export function AntdProvider({ children, largeType = false }: { children: ReactNode; largeType?: boolean }) {
  const { locale } = useI18n();
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider
      button={{ autoInsertSpace: false }}
      locale={locale === 'zh-CN' ? zhCN : enUS}
      theme={{
        token: {
          colorPrimary: '#1677ff',
          fontSize: largeType ? 20 : 14,
          controlHeight: largeType ? 48 : 32,
          fontFamily: 'system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", sans-serif',
        },
      }}
    >
      <App>{children}</App>
    </ConfigProvider>
  );
}
