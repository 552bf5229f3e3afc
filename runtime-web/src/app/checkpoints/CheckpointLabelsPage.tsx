import { Alert, Button, Card, Empty, Result, Space, Spin, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useApi } from '../../hooks/use-api';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../shared/error-message';
import { useSession } from '../../shared/SessionProvider';
import { useEstate } from '../EstateProvider';
import { checkpointLabelEstates } from './checkpoint-estates';
import { checkpointUrl, labelGroups, qrPath, type ScheduleForLabels } from './checkpoint-labels';

type Binding = { workflowKey: string; version: number; resolvedParameters: Record<string, unknown> };

/** One printable label: the QR code the technician scans at the checkpoint, its name and its code. */
function Label({ estateName, code, name, link }: { estateName: string; code: string; name: string; link: string }) {
  const { size, path } = qrPath(link);
  return (
    <div className="ef-checkpoint-label" data-testid={`checkpoint-${code}`}>
      <div className="ef-checkpoint-estate">{estateName}</div>
      <svg viewBox={`0 0 ${size} ${size}`} width={180} height={180} shapeRendering="crispEdges" role="img" aria-label={code}>
        <rect width={size} height={size} fill="#fff" />
        <path d={path} fill="#000" />
      </svg>
      <div className="ef-checkpoint-name">{name}</div>
      <div className="ef-checkpoint-code">{code}</div>
    </div>
  );
}

/**
 * QR labels for the checkpoints of the estate's inspection rounds (巡检点位二维码), to print and
 * put up at each one. Each holds the check-in link of its checkpoint (checkpointUrl): a phone's
 * camera opens the check-in page, and the check-in form's scanner (the `qrCode` widget) reads the
 * code out of it. The checkpoints
 * are the route the estate's inspection runs with — its own, else the company's, else the pack's —
 * and those of inspection schedules that carry a route of their own.
 */
export default function CheckpointLabelsPage() {
  const { t } = useI18n();
  const { session } = useSession();
  const { estate } = useEstate();
  const me = session.status === 'signedIn' && session.me.kind === 'staff' ? session.me : null;
  const allowed = me !== null && estate !== null && checkpointLabelEstates(me).some((item) => item.id === estate.id);
  const binding = useApi<Binding>(allowed ? `/estates/${estate.id}/bindings/inspection` : null);
  // Schedules with a route of their own: everyone who may print labels may list them.
  const schedules = useApi<ScheduleForLabels[]>(allowed ? `/estates/${estate.id}/schedules` : null);
  if (!allowed) return <Result status="403" title={t('checkpoints.forbidden')} />;
  const groups = labelGroups(binding.data?.resolvedParameters['route'], schedules.data ?? []);
  const checkpoints = groups.flatMap((group) => group.checkpoints);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space className="ef-no-print" style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('checkpoints.title')}
        </Typography.Title>
        <Button type="primary" icon={<PrinterOutlined />} disabled={checkpoints.length === 0} onClick={() => window.print()}>
          {t('checkpoints.print')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" className="ef-no-print">
        {t('checkpoints.explain')}
      </Typography.Paragraph>
      {binding.error ? (
        <Alert type="info" showIcon title={errorMessage(binding.error, t)} />
      ) : binding.loading && binding.data === undefined ? (
        <Spin />
      ) : checkpoints.length === 0 ? (
        <Card>
          <Empty description={t('checkpoints.none')} />
        </Card>
      ) : (
        groups.map((group) => (
          <section key={group.schedule ?? ''}>
            {group.schedule === null ? null : (
              <Typography.Title level={5} data-testid="checkpoint-schedule">
                {t('checkpoints.schedule', { name: group.schedule })}
              </Typography.Title>
            )}
            <div className="ef-checkpoint-labels" data-testid="checkpoint-labels">
              {group.checkpoints.map((checkpoint) => (
                <Label
                  key={checkpoint.code}
                  estateName={estate.name}
                  code={checkpoint.code}
                  name={checkpoint.name}
                  link={checkpointUrl({ origin: window.location.origin, estateId: estate.id, code: checkpoint.code })}
                />
              ))}
            </div>
          </section>
        ))
      )}
    </Space>
  );
}
