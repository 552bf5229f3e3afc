import { Link } from 'react-router-dom';
import { Alert, Badge, Spin } from 'antd';
import { api } from '../../api/client';
import type { NotificationPage } from '../../api/types';
import { useApi } from '../../hooks/use-api';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../shared/error-message';

export default function MessagesPage() {
  const { t } = useI18n();
  const list = useApi<NotificationPage>('/notifications', undefined, (event) => event.kind === 'notification');
  const markRead = (id: string) => void api.post(`/notifications/${id}/read`).then(list.reload, () => undefined);
  return (
    <div className="ef-stack">
      <h2>{t('notifications.title')}</h2>
      {list.error ? <Alert type="error" title={errorMessage(list.error, t)} /> : null}
      {list.loading && !list.data ? <Spin className="ef-page-spin" /> : null}
      {list.data && list.data.items.length === 0 ? <p className="ef-muted">{t('notifications.empty')}</p> : null}
      {(list.data?.items ?? []).map((item) => {
        const read = item.read === true || Boolean(item.readAt);
        const body = (
          <>
            <div className="ef-request-title">
              <span>{item.title}</span>
              {!read ? <Badge status="processing" /> : null}
            </div>
            {item.body ? <div style={{ whiteSpace: 'pre-wrap' }}>{item.body}</div> : null}
            <div className="ef-muted ef-small">{new Date(item.createdAt).toLocaleString()}</div>
          </>
        );
        return item.instanceId ? (
          <Link key={item.id} to={`/requests/${item.instanceId}`} className="ef-message" onClick={() => markRead(item.id)}>
            {body}
          </Link>
        ) : (
          <button key={item.id} type="button" className="ef-message" onClick={() => markRead(item.id)}>
            {body}
          </button>
        );
      })}
    </div>
  );
}
