import { useCallback, useState, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { Badge, Button, Dropdown, Layout, Menu, Select, Tooltip } from 'antd';
import {
  BarChartOutlined,
  BellOutlined,
  FileAddOutlined,
  InboxOutlined,
  LogoutOutlined,
  NotificationOutlined,
  QrcodeOutlined,
  ScheduleOutlined,
  ProfileOutlined,
  SettingOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { NotificationPage, StaffMe } from '../../api/types';
import { LiveEventsEffect } from '../../hooks/LiveEventsEffect';
import { useApi } from '../../hooks/use-api';
import { useI18n } from '../../i18n/I18nProvider';
import { LanguageSwitch } from '../../shared/LanguageSwitch';
import { useSession } from '../../shared/SessionProvider';
import { useEstate } from '../EstateProvider';
import { administers, signOutEverywhere } from '../../admin/AdminNavigation';
import { reportEstates } from '../reports/report-estates';
import { noticeEstates } from '../notices/notice-estates';
import { checkpointLabelEstates } from '../checkpoints/checkpoint-estates';
import { scheduleEstates } from '../schedules/schedule-estates';

/** The menu entries named by the first part of their pages' paths; the inbox holds the rest. */
const MENU_SECTIONS: readonly string[] = ['instances', 'file', 'notifications', 'reports', 'notices', 'checkpoints', 'schedules', 'admin'];

/** Navigation, estate switcher, language, notifications and sign-out around every staff page. */
export function AppShell({ me, children }: { me: StaffMe; children: ReactNode }) {
  const { t, locale, setLocale } = useI18n();
  const { signOut } = useSession();
  const { estates, estate, setEstateId } = useEstate();
  const location = useLocation();
  const [live, setLive] = useState<boolean | null>(null);
  const onLiveStatus = useCallback((connected: boolean) => setLive(connected), []);
  const unread = useApi<NotificationPage>('/notifications', { unread: true }, (event) => event.kind === 'notification');
  const section = location.pathname.split('/')[1] ?? '';
  const selected = MENU_SECTIONS.includes(section) ? section : 'inbox';

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <LiveEventsEffect onStatus={onLiveStatus} />
      <Layout.Sider breakpoint="lg" collapsedWidth={0} width={200} zeroWidthTriggerStyle={{ top: 12 }}>
        <div className="ef-brand">EstateFlow</div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selected]}
          items={[
            { key: 'inbox', icon: <InboxOutlined />, label: <Link to="/">{t('shell.inbox')}</Link> },
            { key: 'instances', icon: <ProfileOutlined />, label: <Link to="/instances">{t('shell.instances')}</Link> },
            { key: 'file', icon: <FileAddOutlined />, label: <Link to="/file">{t('shell.file')}</Link> },
            { key: 'notifications', icon: <BellOutlined />, label: <Link to="/notifications">{t('shell.notifications')}</Link> },
            ...(reportEstates(me).length > 0
              ? [{ key: 'reports', icon: <BarChartOutlined />, label: <Link to="/reports">{t('shell.reports')}</Link> }]
              : []),
            ...(noticeEstates(me).length > 0
              ? [{ key: 'notices', icon: <NotificationOutlined />, label: <Link to="/notices">{t('shell.notices')}</Link> }]
              : []),
            ...(checkpointLabelEstates(me).length > 0
              ? [{ key: 'checkpoints', icon: <QrcodeOutlined />, label: <Link to="/checkpoints">{t('shell.checkpoints')}</Link> }]
              : []),
            ...(scheduleEstates(me).length > 0
              ? [{ key: 'schedules', icon: <ScheduleOutlined />, label: <Link to="/schedules">{t('shell.schedules')}</Link> }]
              : []),
            ...(administers(me)
              ? [
                  {
                    key: 'admin',
                    icon: <SettingOutlined />,
                    label: <Link to="/admin/estates">{locale === 'zh-CN' ? '管理' : 'Administration'}</Link>,
                  },
                ]
              : []),
          ]}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="ef-header">
          <Select
            aria-label={t('shell.estate')}
            style={{ minWidth: 160 }}
            value={estate?.id}
            options={estates.map((item) => ({ value: item.id, label: item.name }))}
            onChange={setEstateId}
            data-testid="estate-switcher"
          />
          <span className="ef-header-spacer" />
          {live !== null ? (
            <Tooltip title={live ? t('shell.live') : t('shell.liveLost')}>
              <span className={live ? 'ef-live-dot' : 'ef-live-dot lost'} data-testid="live-status" />
            </Tooltip>
          ) : null}
          <Link to="/notifications" aria-label={t('shell.notifications')}>
            <Badge count={unread.data?.unread ?? 0} size="small" data-testid="unread-count">
              <BellOutlined style={{ fontSize: 18 }} />
            </Badge>
          </Link>
          <span className="ef-hide-mobile">
            <LanguageSwitch size="small" />
          </span>
          <Dropdown
            menu={{
              items: [
                { key: 'company', label: me.company.name, disabled: true },
                {
                  key: 'language',
                  label: locale === 'zh-CN' ? 'English' : '中文',
                  onClick: () => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN'),
                },
                { key: 'signout', icon: <LogoutOutlined />, label: t('common.signOut'), onClick: () => void signOut() },
                {
                  key: 'signout-everywhere',
                  icon: <LogoutOutlined />,
                  label: locale === 'zh-CN' ? '在所有设备退出' : 'Sign out everywhere',
                  onClick: () => void signOutEverywhere().finally(() => void signOut()),
                },
              ],
            }}
          >
            <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
              <span className="ef-hide-mobile">{me.name}</span>
            </Button>
          </Dropdown>
        </Layout.Header>
        <Layout.Content className="ef-content">{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
