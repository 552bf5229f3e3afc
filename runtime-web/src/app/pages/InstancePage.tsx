import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Breadcrumb, Button, Card, Col, Row, Space, Spin, Typography } from 'antd';
import type { AllowedEvent, Instance } from '../../api/types';
import { useApi } from '../../hooks/use-api';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../shared/error-message';
import { instanceAttachments } from '../../shared/instance-attachments';
import { useSession } from '../../shared/SessionProvider';
import { ActionDialog } from '../components/ActionDialog';
import { AttachmentsCard } from '../components/AttachmentsCard';
import { DataCard } from '../components/DataCard';
import { InstanceSummary } from '../components/InstanceSummary';
import { TasksCard } from '../components/TasksCard';
import { TimelineCard } from '../components/TimelineCard';

/** One work order: summary, the caller's allowed actions, tasks, data, attachments, timeline. */
export default function InstancePage() {
  const { id = '' } = useParams();
  const { t, text } = useI18n();
  const { session } = useSession();
  const loaded = useApi<Instance>(`/instances/${encodeURIComponent(id)}`, undefined, (event) =>
    event.kind === 'instance.updated' ? event.id === id : event.kind === 'task.changed',
  );
  const [applied, setApplied] = useState<Instance | null>(null);
  const [action, setAction] = useState<AllowedEvent | null>(null);
  // The POST answer is newer than the last GET until the next GET arrives.
  const instance = applied && loaded.data && applied.version > loaded.data.version ? applied : (loaded.data ?? null);

  if (!instance) {
    if (loaded.error) return <Alert type="error" showIcon title={errorMessage(loaded.error, t)} />;
    return <Spin className="ef-page-spin" />;
  }
  const me = session.status === 'signedIn' && session.me.kind === 'staff' ? session.me : null;
  const attachments = instanceAttachments(instance);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/">{t('shell.inbox')}</Link> }, { title: instance.reference }]} />
      <InstanceSummary instance={instance} />
      <Card title={t('instance.actions')} size="small">
        {instance.allowedEvents.length === 0 ? (
          <Typography.Text type="secondary">{t('instance.noActions')}</Typography.Text>
        ) : (
          <Space wrap>
            {instance.allowedEvents.map((allowed) => (
              <Button
                key={allowed.type}
                type={instance.allowedEvents.length === 1 ? 'primary' : 'default'}
                danger={/CANCEL|REJECT/i.test(allowed.type)}
                data-testid={`action-${allowed.type}`}
                onClick={() => setAction(allowed)}
              >
                {text(allowed.label)}
              </Button>
            ))}
          </Space>
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {me ? <TasksCard tasks={instance.tasks} estateId={instance.estateId} me={me} onChanged={loaded.reload} /> : null}
            <DataCard instanceId={instance.id} data={instance.data} forms={instance.forms} />
            <AttachmentsCard attachments={attachments} />
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <TimelineCard instanceId={instance.id} entries={instance.timeline} />
        </Col>
      </Row>
      {action ? (
        <ActionDialog
          instance={instance}
          action={action}
          onClose={() => setAction(null)}
          onApplied={(next) => {
            setApplied(next);
            setAction(null);
            loaded.reload();
          }}
          onConflict={loaded.reload}
        />
      ) : null}
    </Space>
  );
}
