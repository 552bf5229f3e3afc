import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Badge, Button, List, Space, Switch, Typography } from 'antd';
import { api } from '../../api/client';
import type { NotificationPage } from '../../api/types';
import { useApi } from '../../hooks/use-api';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../shared/error-message';

export default function NotificationsPage() {
  const { t } = useI18n();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useApi<NotificationPage>('/notifications', { unread: unreadOnly || undefined }, (event) => event.kind === 'notification');
  async function markRead(id: string) {
    await api.post(`/notifications/${id}/read`).catch(() => undefined);
    list.reload();
  }
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('notifications.title')} <Badge count={list.data?.unread ?? 0} />
        </Typography.Title>
        <Space>
          <Switch size="small" checked={unreadOnly} onChange={setUnreadOnly} />
          {t('notifications.unreadOnly')}
          <Button
            size="small"
            disabled={!list.data?.unread}
            onClick={() => void api.post('/notifications/read-all').then(list.reload, list.reload)}
          >
            {t('notifications.markAllRead')}
          </Button>
        </Space>
      </Space>
      {list.error ? <Alert type="error" showIcon title={errorMessage(list.error, t)} /> : null}
      <List
        bordered
        style={{ background: '#fff' }}
        loading={list.loading}
        locale={{ emptyText: t('notifications.empty') }}
        dataSource={list.data?.items ?? []}
        renderItem={(item) => {
          const read = item.read === true || Boolean(item.readAt);
          return (
            <List.Item
              actions={
                read
                  ? []
                  : [
                      <Button key="read" size="small" type="link" onClick={() => void markRead(item.id)}>
                        {t('notifications.markRead')}
                      </Button>,
                    ]
              }
            >
              <List.Item.Meta
                avatar={<Badge dot={!read} />}
                title={
                  item.instanceId ? (
                    <Link to={`/instances/${item.instanceId}`} onClick={() => void markRead(item.id)}>
                      {item.title}
                    </Link>
                  ) : (
                    item.title
                  )
                }
                description={
                  <>
                    {item.body ? <div>{item.body}</div> : null}
                    <Typography.Text type="secondary">{new Date(item.createdAt).toLocaleString()}</Typography.Text>
                  </>
                }
              />
            </List.Item>
          );
        }}
      />
    </Space>
  );
}
