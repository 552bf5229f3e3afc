import { useEffect, useState } from 'react';
import {
  App as AntApp,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Radio,
  Result,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { NotificationOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client';
import { useApi } from '../../hooks/use-api';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../shared/error-message';
import { useSession } from '../../shared/SessionProvider';
import { useEstate } from '../EstateProvider';
import { noticeEstates } from './notice-estates';
import { audienceForm, noticeAudience, type NoticeForm } from './notice-audience';

type Channel = 'inApp' | 'sms' | 'wechat';
type NoticeStatus = 'scheduled' | 'sending' | 'sent' | 'failed' | 'withdrawn';
type Notice = {
  id: string;
  title: string;
  body: string;
  audience: { buildingIds?: string[]; floors?: { from?: number; to?: number } };
  channels: Channel[];
  recipientCount: number;
  createdBy: { id: string; name: string } | null;
  createdAt: string;
  sendAt: string;
  status: NoticeStatus;
  withdrawn: { at: string; by: { id: string; name: string } | null } | null;
};
type Building = { id: string; name: string };

const CHANNELS = [
  ['inApp', 'notices.channel.inApp'],
  ['sms', 'notices.channel.sms'],
  ['wechat', 'notices.channel.wechat'],
] as const satisfies readonly (readonly [Channel, string])[];
const channelLabel = (channel: Channel) => CHANNELS.find(([value]) => value === channel)?.[1] ?? 'notices.channel.inApp';
const STATUS_COLOURS: Record<NoticeStatus, string> = {
  scheduled: 'blue',
  sending: 'processing',
  sent: 'green',
  failed: 'red',
  withdrawn: 'default',
};
/** How far ahead a notice may be scheduled (the engine's limit). */
const SCHEDULE_DAYS = 30;
const when = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm');

/**
 * Notices (公告) to residents: the whole estate, or some buildings and floors — a lift outage goes
 * only to the floors the lift serves — in-app, by SMS or WeChat, at once or at a set time. Before
 * sending, the page says how many residents the notice will reach. A notice can be withdrawn: a
 * scheduled one is then never sent, a sent one leaves the residents' in-app messages.
 */
export default function NoticesPage() {
  const { t } = useI18n();
  const { message, modal } = AntApp.useApp();
  const { session } = useSession();
  const { estate } = useEstate();
  const me = session.status === 'signedIn' && session.me.kind === 'staff' ? session.me : null;
  const allowed = me !== null && estate !== null && noticeEstates(me).some((item) => item.id === estate.id);
  const estateId = allowed ? estate.id : null;
  const sent = useApi<Notice[]>(estateId === null ? null : `/estates/${estateId}/notices`);
  const buildings = useApi<Building[]>(estateId === null ? null : `/admin/estates/${estateId}/buildings`);
  const [form] = Form.useForm<NoticeForm>();
  const values = Form.useWatch([], form);
  const [reach, setReach] = useState<{ count: number } | { error: string } | null>(null);
  const [sending, setSending] = useState(false);
  /** The scheduled notice the form is changing, if any. */
  const [editing, setEditing] = useState<Notice | null>(null);
  const audienceKey = JSON.stringify(values === undefined ? null : noticeAudience(values));

  // How many residents the audience reaches, asked again when it changes — not at every keystroke
  // of the title or text (a dry run sends nothing).
  useEffect(() => {
    if (estateId === null || audienceKey === 'null') return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api
        .post<{ recipientCount: number }>(`/estates/${estateId}/notices`, {
          // Counting needs no text; the engine's schema asks for some.
          title: '-',
          body: '-',
          audience: JSON.parse(audienceKey),
          dryRun: true,
        })
        .then((preview) => !controller.signal.aborted && setReach({ count: preview.recipientCount }))
        .catch((error: unknown) => !controller.signal.aborted && setReach({ error: errorMessage(error, t) }));
    }, 300);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [estateId, audienceKey, t]);

  if (!allowed || estateId === null) return <Result status="403" title={t('notices.forbidden')} />;

  async function send(input: NoticeForm) {
    const count = reach !== null && 'count' in reach ? reach.count : 0;
    const sendAt = input.when === 'later' && input.sendAt ? input.sendAt.toISOString() : undefined;
    const changing = editing;
    const title =
      changing === null
        ? sendAt === undefined
          ? t('notices.confirm', { count })
          : t('notices.confirmScheduled', { count, at: when(sendAt) })
        : sendAt === undefined
          ? t('notices.confirmEditNow', { count })
          : t('notices.confirmEdit', { count, at: when(sendAt) });
    modal.confirm({
      title,
      content: input.title,
      okText: changing === null ? t('notices.send') : t('notices.saveEdit'),
      onOk: async () => {
        setSending(true);
        try {
          const notice = {
            title: input.title,
            body: input.body,
            audience: noticeAudience(input),
            channels: input.channels,
            ...(sendAt === undefined ? {} : { sendAt }),
          };
          if (changing === null) await api.post(`/estates/${estateId}/notices`, notice);
          else await api.put(`/estates/${estateId}/notices/${changing.id}`, notice);
          message.success(sendAt === undefined ? t('notices.sent', { count }) : t('notices.scheduled', { count, at: when(sendAt) }));
          form.resetFields();
          setEditing(null);
          sent.reload();
        } catch (error) {
          message.error(errorMessage(error, t));
        } finally {
          setSending(false);
        }
      },
    });
  }

  /** Puts a scheduled notice into the form to change it. */
  function edit(notice: Notice) {
    setEditing(notice);
    form.setFieldsValue({
      title: notice.title,
      body: notice.body,
      ...audienceForm(notice.audience),
      channels: notice.channels,
      when: 'later',
      sendAt: dayjs(notice.sendAt),
    });
    document.querySelector('[data-testid="notice-form"]')?.scrollIntoView({ behavior: 'smooth' });
  }

  function discardEdit() {
    setEditing(null);
    form.resetFields();
  }

  function withdraw(notice: Notice) {
    modal.confirm({
      title: notice.title,
      content: notice.status === 'scheduled' ? t('notices.withdrawScheduled') : t('notices.withdrawSent'),
      okText: t('notices.withdraw'),
      okButtonProps: { danger: true },
      onOk: async () => {
        if (editing?.id === notice.id) discardEdit();
        try {
          const result = await api.post<{ removedMessages: number }>(`/estates/${estateId}/notices/${notice.id}/withdraw`, {});
          message.success(t('notices.withdrawn', { count: result.removedMessages }));
        } catch (error) {
          message.error(errorMessage(error, t));
        } finally {
          sent.reload();
        }
      },
    });
  }

  const buildingName = new Map((buildings.data ?? []).map((building) => [building.id, building.name]));
  const describe = (notice: Notice): string => {
    const parts: string[] = [];
    parts.push(notice.audience.buildingIds?.map((id) => buildingName.get(id) ?? '?').join('、') ?? t('notices.wholeEstate'));
    const floors = notice.audience.floors;
    if (floors) parts.push(t('notices.floorRange', { from: floors.from ?? '…', to: floors.to ?? '…' }));
    return parts.join(' · ');
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('notices.title')}
      </Typography.Title>
      <Card title={editing === null ? t('notices.new') : t('notices.editTitle')} data-testid="notice-form">
        <Form<NoticeForm>
          form={form}
          layout="vertical"
          initialValues={{ scope: 'estate', channels: ['inApp'], when: 'now' }}
          onFinish={(input) => void send(input)}
          style={{ maxWidth: 640 }}
        >
          <Form.Item name="title" label={t('notices.noticeTitle')} rules={[{ required: true, whitespace: true, max: 60 }]}>
            <Input maxLength={60} placeholder={t('notices.titleExample')} />
          </Form.Item>
          <Form.Item name="body" label={t('notices.body')} rules={[{ required: true, whitespace: true, max: 1000 }]}>
            <Input.TextArea rows={4} maxLength={1000} showCount placeholder={t('notices.bodyExample')} />
          </Form.Item>
          <Form.Item name="scope" label={t('notices.audience')}>
            <Radio.Group
              options={[
                { value: 'estate', label: t('notices.wholeEstate') },
                { value: 'some', label: t('notices.someBuildings') },
              ]}
            />
          </Form.Item>
          {values?.scope === 'some' ? (
            <Space wrap align="start">
              <Form.Item name="buildingIds" label={t('notices.buildings')}>
                <Select
                  mode="multiple"
                  allowClear
                  style={{ minWidth: 220 }}
                  placeholder={t('notices.allBuildings')}
                  options={(buildings.data ?? []).map((building) => ({ value: building.id, label: building.name }))}
                  data-testid="notice-buildings"
                />
              </Form.Item>
              <Form.Item name="floorFrom" label={t('notices.floorFrom')}>
                <InputNumber min={-10} max={200} precision={0} data-testid="notice-floor-from" />
              </Form.Item>
              <Form.Item name="floorTo" label={t('notices.floorTo')}>
                <InputNumber min={-10} max={200} precision={0} data-testid="notice-floor-to" />
              </Form.Item>
            </Space>
          ) : null}
          <Form.Item name="channels" label={t('notices.channels')} rules={[{ required: true, type: 'array', min: 1 }]}>
            <Checkbox.Group options={CHANNELS.map(([value, label]) => ({ value, label: t(label) }))} />
          </Form.Item>
          <Space wrap align="start">
            <Form.Item name="when" label={t('notices.when')}>
              <Radio.Group
                options={[
                  { value: 'now', label: t('notices.now') },
                  { value: 'later', label: t('notices.later') },
                ]}
                data-testid="notice-when"
              />
            </Form.Item>
            {values?.when === 'later' ? (
              <Form.Item
                name="sendAt"
                label={t('notices.sendAt')}
                rules={[
                  {
                    required: true,
                    validator: (_, value: Dayjs | null | undefined) =>
                      value && value.isAfter(dayjs().add(1, 'minute')) && value.isBefore(dayjs().add(SCHEDULE_DAYS, 'day'))
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('notices.sendAtRule'))),
                  },
                ]}
              >
                <DatePicker
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  disabledDate={(day) => day.isBefore(dayjs(), 'day') || day.isAfter(dayjs().add(SCHEDULE_DAYS, 'day'))}
                  data-testid="notice-send-at"
                />
              </Form.Item>
            ) : null}
          </Space>
          <Space wrap>
            <Button
              type="primary"
              htmlType="submit"
              icon={<NotificationOutlined />}
              loading={sending}
              disabled={reach === null || !('count' in reach) || reach.count === 0}
            >
              {editing === null ? t('notices.send') : t('notices.saveEdit')}
            </Button>
            {editing === null ? null : (
              <Button onClick={discardEdit} data-testid="notice-discard-edit">
                {t('notices.cancelEdit')}
              </Button>
            )}
            <Typography.Text type={reach !== null && 'error' in reach ? 'danger' : 'secondary'} data-testid="notice-reach">
              {reach === null ? '' : 'count' in reach ? t('notices.reach', { count: reach.count }) : reach.error}
            </Typography.Text>
          </Space>
        </Form>
      </Card>
      <Card title={t('notices.sentTitle')} data-testid="notice-list">
        {sent.data?.length === 0 ? (
          <Empty description={t('notices.none')} />
        ) : (
          <List<Notice>
            loading={sent.loading}
            dataSource={sent.data ?? []}
            renderItem={(notice) => (
              <List.Item
                key={notice.id}
                data-testid={`notice-${notice.id}`}
                actions={
                  notice.status === 'withdrawn'
                    ? []
                    : [
                        ...(notice.status === 'scheduled'
                          ? [
                              <Button key="edit" type="link" onClick={() => edit(notice)} data-testid="notice-edit">
                                {t('notices.edit')}
                              </Button>,
                            ]
                          : []),
                        <Button key="withdraw" type="link" danger onClick={() => withdraw(notice)} data-testid="notice-withdraw">
                          {t('notices.withdraw')}
                        </Button>,
                      ]
                }
              >
                <List.Item.Meta
                  title={
                    <Space wrap>
                      <span>{notice.title}</span>
                      <Tag color={STATUS_COLOURS[notice.status]} data-testid="notice-status">
                        {t(`notices.status.${notice.status}`, { at: when(notice.sendAt) })}
                      </Tag>
                      {notice.channels.map((channel) => (
                        <Tag key={channel}>{t(channelLabel(channel))}</Tag>
                      ))}
                    </Space>
                  }
                  description={
                    <>
                      <Typography.Paragraph style={{ marginBottom: 4, whiteSpace: 'pre-wrap' }}>{notice.body}</Typography.Paragraph>
                      <Typography.Text type="secondary">
                        {describe(notice)} · {t('notices.reached', { count: notice.recipientCount })} · {notice.createdBy?.name ?? ''} ·{' '}
                        {when(notice.createdAt)}
                        {notice.withdrawn === null
                          ? ''
                          : ` · ${t('notices.withdrawnBy', { name: notice.withdrawn.by?.name ?? '', at: when(notice.withdrawn.at) })}`}
                      </Typography.Text>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </Space>
  );
}
