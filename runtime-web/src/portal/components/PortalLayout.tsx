import type { ReactNode } from 'react';
import { NavLink } from 'react-router-dom';
import { Badge, Button, Dropdown } from 'antd';
import { BellOutlined, FontSizeOutlined, HomeOutlined, LogoutOutlined, ProfileOutlined, UserOutlined } from '@ant-design/icons';
import type { NotificationPage } from '../../api/types';
import { LiveEventsEffect } from '../../hooks/LiveEventsEffect';
import { useApi } from '../../hooks/use-api';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../shared/SessionProvider';
import { useLargeType } from '../LargeTypeProvider';
import { useOnline } from '../use-online';
import { OutboxEffect } from './OutboxEffect';

/** Top bar (large type, language, sign-out), offline banner and the bottom tab bar. */
export function PortalLayout({ children }: { children: ReactNode }) {
  const { t, locale, setLocale } = useI18n();
  const { signOut } = useSession();
  const { largeType, setLargeType } = useLargeType();
  const online = useOnline();
  const unread = useApi<NotificationPage>('/notifications', { unread: true }, (event) => event.kind === 'notification');
  return (
    <div className="ef-portal">
      <LiveEventsEffect />
      <OutboxEffect />
      <header className="ef-portal-top">
        <span className="ef-portal-title">{t('portal.title')}</span>
        <Button
          type={largeType ? 'primary' : 'default'}
          shape="round"
          icon={<FontSizeOutlined />}
          aria-pressed={largeType}
          onClick={() => setLargeType(!largeType)}
          data-testid="large-type"
        >
          {t('portal.home.largeType')}
        </Button>
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              {
                key: 'language',
                label: locale === 'zh-CN' ? 'English' : '中文',
                onClick: () => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN'),
              },
              { key: 'signout', icon: <LogoutOutlined />, label: t('common.signOut'), onClick: () => void signOut() },
            ],
          }}
        >
          <Button type="text" shape="circle" icon={<UserOutlined />} aria-label={t('portal.nav.me')} data-testid="portal-menu" />
        </Dropdown>
      </header>
      {!online ? (
        <div className="ef-offline" role="status">
          {t('common.offline')}
        </div>
      ) : null}
      <main className="ef-portal-main">{children}</main>
      <nav className="ef-tabbar">
        <NavLink to="/" end>
          <HomeOutlined />
          <span>{t('portal.nav.home')}</span>
        </NavLink>
        <NavLink to="/requests">
          <ProfileOutlined />
          <span>{t('portal.nav.requests')}</span>
        </NavLink>
        <NavLink to="/messages">
          <Badge count={unread.data?.unread ?? 0} size="small" offset={[6, 0]}>
            <BellOutlined />
          </Badge>
          <span>{t('portal.nav.messages')}</span>
        </NavLink>
      </nav>
    </div>
  );
}
