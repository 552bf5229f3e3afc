import { Link } from 'react-router-dom';
import { Alert, Empty, Segmented, Spin, Tag } from 'antd';
import type { InstanceSummary, Page, StartableWorkflow } from '../../api/types';
import { useApi } from '../../hooks/use-api';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../shared/error-message';
import { RequestCard } from '../components/RequestCard';
import { useUnit } from '../UnitProvider';
import { WorkflowIcon } from '../workflow-icon';

/** My homes (switchable), what I can file here, and my latest requests. */
export default function HomePage() {
  const { t, text } = useI18n();
  const { units, unit, setUnitId, me } = useUnit();
  const workflows = useApi<StartableWorkflow[]>(unit ? `/estates/${unit.estateId}/workflows` : null);
  const recent = useApi<Page<InstanceSummary>>(
    '/instances',
    { mine: true, pageSize: 3 },
    (event) => event.kind === 'instance.updated' || event.kind === 'task.changed',
  );

  return (
    <div className="ef-stack">
      <section>
        <h2>{t('portal.home.myUnits')}</h2>
        {units.length === 0 ? <Alert type="info" title={t('portal.home.noUnits')} /> : null}
        {units.length > 1 ? (
          <Segmented
            block
            value={unit?.id}
            onChange={(value) => setUnitId(String(value))}
            options={units.map((item) => ({ value: item.id, label: item.label }))}
            data-testid="unit-switcher"
          />
        ) : null}
        {unit ? (
          <div className="ef-unit-card" data-testid="current-unit">
            <div className="ef-unit-label">{unit.label}</div>
            <div className="ef-muted">
              {unit.estateName} <Tag>{unit.kind === 'owner' ? t('portal.home.owner') : t('portal.home.tenant')}</Tag>
            </div>
            <div className="ef-muted ef-small">
              {me.name} {me.phoneMasked}
            </div>
          </div>
        ) : null}
      </section>
      {unit ? (
        <section>
          <h2>{t('portal.home.newRequest')}</h2>
          {workflows.loading && !workflows.data ? <Spin /> : null}
          {workflows.error ? <Alert type="error" title={errorMessage(workflows.error, t)} /> : null}
          {workflows.data && workflows.data.length === 0 ? <Empty description={t('portal.new.noWorkflows')} /> : null}
          <div className="ef-tiles">
            {(workflows.data ?? []).map((workflow) => (
              <Link
                key={workflow.key}
                to={`/new/${encodeURIComponent(workflow.key)}`}
                className="ef-tile"
                data-testid={`new-${workflow.key}`}
              >
                <WorkflowIcon workflowKey={workflow.key} />
                <span>{text(workflow.name)}</span>
              </Link>
            ))}
          </div>
        </section>
      ) : null}
      <section>
        <h2>
          {t('portal.home.myRequests')}{' '}
          <Link to="/requests" className="ef-small">
            {t('common.viewAll')}
          </Link>
        </h2>
        {(recent.data?.items ?? []).map((request) => (
          <RequestCard key={request.id} request={request} />
        ))}
        {recent.data && recent.data.items.length === 0 ? <p className="ef-muted">{t('portal.requests.empty')}</p> : null}
      </section>
    </div>
  );
}
