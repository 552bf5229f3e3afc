import { ApartmentOutlined, LogoutOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Segmented, Select, Space, Typography } from 'antd';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useSession } from '../auth/SessionContext';
import { useI18n } from '../i18n/I18nContext';

/** Header with navigation, the estate switcher, the language switch and sign-out. */
export function AppShell() {
  const { t, locale, setLocale } = useI18n();
  const { session, estateId, setEstateId, signOut } = useSession();
  const location = useLocation();
  const me = session.status === 'signedIn' ? session.me : null;
  return (
    <Layout className="shell">
      <Layout.Header className="shell-header">
        <Link to="/" className="shell-brand">
          <ApartmentOutlined /> {t('app.title')}
        </Link>
        <Menu
          mode="horizontal"
          theme="dark"
          selectedKeys={[location.pathname === '/' || location.pathname.startsWith('/workflows') ? 'workflows' : '']}
          items={[{ key: 'workflows', label: <Link to="/">{t('shell.workflows')}</Link> }]}
          style={{ flex: 1, minWidth: 120 }}
        />
        <Space size="middle">
          <Select
            aria-label={t('shell.estate')}
            style={{ width: 180 }}
            value={estateId ?? ''}
            onChange={(value: string) => setEstateId(value === '' ? null : value)}
            options={[
              { value: '', label: t('shell.allEstates') },
              ...(me?.estates ?? []).map((estate) => ({ value: estate.id, label: estate.name })),
            ]}
          />
          <Segmented
            aria-label={t('shell.language')}
            value={locale}
            onChange={(value) => setLocale(value === 'en' ? 'en' : 'zh-CN')}
            options={[
              { label: '中文', value: 'zh-CN' },
              { label: 'EN', value: 'en' },
            ]}
          />
          <Typography.Text style={{ color: '#fff' }}>{me?.name}</Typography.Text>
          <Button icon={<LogoutOutlined />} onClick={() => void signOut()}>
            {t('auth.signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content className="shell-content">
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
