import { Alert, Button, Spin } from 'antd';
import type { InstanceSummary, Page } from '../../api/types';
import { useApi } from '../../hooks/use-api';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../shared/error-message';
import { RequestCard } from '../components/RequestCard';
import { listOutbox } from '../offline-drafts';
import { useUnit } from '../UnitProvider';
import { useState } from 'react';

const pageSize = 20;

/** Everything the owner has filed (the engine returns only their own), newest first. */
export default function RequestsPage() {
  const { t } = useI18n();
  const { me } = useUnit();
  const [pages, setPages] = useState(1);
  const list = useApi<Page<InstanceSummary>>(
    '/instances',
    { mine: true, pageSize: pageSize * pages },
    (event) => event.kind === 'instance.updated' || event.kind === 'task.changed',
  );
  const queued = listOutbox(localStorage, me.id).length;
  return (
    <div className="ef-stack">
      <h2>{t('portal.home.myRequests')}</h2>
      {queued > 0 ? <Alert type="warning" showIcon title={t('portal.requests.pendingOutbox', { n: queued })} /> : null}
      {list.error ? <Alert type="error" title={errorMessage(list.error, t)} /> : null}
      {list.loading && !list.data ? <Spin className="ef-page-spin" /> : null}
      {(list.data?.items ?? []).map((request) => (
        <RequestCard key={request.id} request={request} />
      ))}
      {list.data && list.data.items.length === 0 ? <p className="ef-muted">{t('portal.requests.empty')}</p> : null}
      {list.data && list.data.total > list.data.items.length ? (
        <Button block onClick={() => setPages((count) => count + 1)} loading={list.loading}>
          {t('common.viewAll')}
        </Button>
      ) : null}
    </div>
  );
}
