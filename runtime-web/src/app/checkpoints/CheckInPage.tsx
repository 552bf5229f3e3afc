import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Alert, App as AntApp, Button, Card, Result, Space, Spin, Typography } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import type { Instance, InstanceSummary, Page } from '../../api/types';
import { useApi } from '../../hooks/use-api';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../shared/error-message';
import { useIdempotentSubmit } from '../../shared/use-idempotent-submit';
import { useEstate } from '../EstateProvider';
import { checkInChoices, type CheckInChoice } from './checkpoint-check-in';

/** Active rounds read to find the ones that pass a checkpoint: more than a team walks at once. */
const ROUNDS = 20;

/**
 * Where a checkpoint's QR label leads (/app/checkpoint/:code?estate=…): scanned with the phone's
 * own camera, it shows the inspection rounds the technician can check in at this checkpoint now —
 * one under way, or one still to start — and checks in with one tap (starting the round first
 * when it has not begun). The round's page then asks for the checkpoint's record.
 */
export default function CheckInPage() {
  const { code: raw = '' } = useParams();
  const code = raw.toUpperCase();
  const [search] = useSearchParams();
  const { estates, estate, setEstateId } = useEstate();
  const estateId = search.get('estate') ?? estate?.id ?? null;
  // The label's estate becomes the one the app shows, when it is one of the caller's.
  useEffect(() => {
    if (estateId !== null && estateId !== estate?.id && estates.some((item) => item.id === estateId)) setEstateId(estateId);
  }, [estateId, estate?.id, estates, setEstateId]);
  const { t, text } = useI18n();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const { run, busy } = useIdempotentSubmit();
  const list = useApi<Page<InstanceSummary>>(estateId === null ? null : '/instances', {
    estateId,
    workflowKey: 'inspection',
    status: 'active',
    pageSize: ROUNDS,
  });
  const [rounds, setRounds] = useState<{ items: Instance[] } | { error: unknown } | null>(null);

  // Each round in full: its route, what it has checked, and what the caller may do.
  useEffect(() => {
    const items = list.data?.items;
    if (items === undefined) return undefined;
    let current = true;
    Promise.all(items.map((item) => api.get<Instance>(`/instances/${item.id}`)))
      .then((full) => current && setRounds({ items: full }))
      .catch((error: unknown) => current && setRounds({ error }));
    return () => {
      current = false;
    };
  }, [list.data]);

  async function checkIn(choice: CheckInChoice) {
    let round = choice.instance;
    for (const type of choice.start ? ['START', 'CHECK_IN'] : ['CHECK_IN']) {
      const data = type === 'CHECK_IN' ? { checkpointCode: code } : {};
      const sent = await run((idempotencyKey) =>
        api.post<Instance>(`/instances/${round.id}/events`, { type, data, expectedVersion: round.version }, idempotencyKey),
      );
      if (sent === null) return;
      if (!sent.ok) {
        message.error(errorMessage(sent.error, t));
        return;
      }
      round = sent.value;
    }
    message.success(t('checkIn.done', { name: choice.checkpoint.name }));
    navigate(`/instances/${round.id}`);
  }

  const failed = list.error ?? (rounds !== null && 'error' in rounds ? rounds.error : null);
  const choices = rounds !== null && 'items' in rounds ? checkInChoices(code, rounds.items) : null;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="check-in">
      <Typography.Title level={4} style={{ margin: 0 }}>
        <EnvironmentOutlined /> {t('checkIn.title', { code })}
      </Typography.Title>
      {failed ? (
        <Alert type="error" showIcon title={errorMessage(failed, t)} />
      ) : choices === null ? (
        <Spin />
      ) : choices.length === 0 ? (
        <Result
          status="info"
          title={t('checkIn.none', { code })}
          subTitle={t('checkIn.noneHint')}
          extra={<Link to="/">{t('shell.inbox')}</Link>}
          data-testid="check-in-none"
        />
      ) : (
        choices.map((choice) => (
          <Card key={choice.instance.id} size="small" data-testid={`check-in-${choice.instance.id}`}>
            <Space orientation="vertical" size={8} style={{ width: '100%' }}>
              <Typography.Text strong>
                {choice.checkpoint.name} · {String(choice.instance.data['planName'] ?? text(choice.instance.workflowName ?? ''))}
              </Typography.Text>
              <Typography.Text type="secondary">
                {choice.instance.reference} · {text(choice.instance.stateLabel)}
              </Typography.Text>
              <Button type="primary" size="large" block loading={busy} onClick={() => void checkIn(choice)} data-testid="check-in-here">
                {choice.start ? t('checkIn.startHere') : t('checkIn.here')}
              </Button>
            </Space>
          </Card>
        ))
      )}
    </Space>
  );
}
