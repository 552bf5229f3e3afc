import { useState } from 'react';
import {
  App as AntApp,
  Button,
  Card,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Popconfirm,
  Radio,
  Result,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { ScheduleOutlined } from '@ant-design/icons';
import { api, apiRequest } from '../../api/client';
import type { StartableWorkflow } from '../../api/types';
import { useApi } from '../../hooks/use-api';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../shared/error-message';
import { useSession } from '../../shared/SessionProvider';
import { useEstate } from '../EstateProvider';
import { managesSchedules, scheduleEstates } from './schedule-estates';
import { describeRule, estateTime, ruleOf, schedulable, weekdayName, type ScheduleRule } from './schedule-rule';

type Schedule = { id: string; workflowKey: string; name: string; rule: ScheduleRule; nextRunAt: string; active: boolean; timezone: string };
type PlanForm = { workflowKey: string; name: string; every: ScheduleRule['every']; at: string; weekday?: number; monthDay?: number };

const WEEKDAY_OPTIONS = [1, 2, 3, 4, 5, 6, 7];

/**
 * The estate's recurring workflows (定期计划): the daily, weekly or monthly inspection round, started
 * by the engine at the estate's local time. Estate managers and company admins add, pause, resume
 * and remove them; the engineering supervisor, who runs the rounds, sees them.
 */
export default function SchedulesPage() {
  const { t, text, locale } = useI18n();
  const { message } = AntApp.useApp();
  const { session } = useSession();
  const { estate } = useEstate();
  const me = session.status === 'signedIn' && session.me.kind === 'staff' ? session.me : null;
  const allowed = me !== null && estate !== null && scheduleEstates(me).some((item) => item.id === estate.id);
  const manages = allowed && managesSchedules(me, estate.id);
  const schedules = useApi<Schedule[]>(allowed ? `/estates/${estate.id}/schedules` : null);
  const workflows = useApi<StartableWorkflow[]>(allowed ? `/estates/${estate.id}/workflows` : null);
  const [form] = Form.useForm<PlanForm>();
  const every = Form.useWatch('every', form);
  const [saving, setSaving] = useState(false);

  if (!allowed) return <Result status="403" title={t('schedules.forbidden')} />;
  const workflowName = (key: string) => {
    const found = workflows.data?.find((workflow) => workflow.key === key);
    return found === undefined ? key : text(found.name);
  };

  async function change(work: () => Promise<unknown>, done: string) {
    try {
      await work();
      message.success(done);
    } catch (error) {
      message.error(errorMessage(error, t));
    } finally {
      schedules.reload();
    }
  }

  async function create(input: PlanForm) {
    if (estate === null) return;
    setSaving(true);
    try {
      const rule = ruleOf(input);
      await api.post(`/estates/${estate.id}/schedules`, { workflowKey: input.workflowKey, name: input.name.trim(), rule });
      message.success(t('schedules.created', { name: input.name.trim(), rule: describeRule(rule, locale) }));
      form.resetFields();
      schedules.reload();
    } catch (error) {
      message.error(errorMessage(error, t));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('schedules.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('schedules.explain')}</Typography.Paragraph>
      <Card title={t('schedules.list')} data-testid="schedule-list">
        {schedules.data?.length === 0 ? (
          <Empty description={t('schedules.none')} />
        ) : (
          <List<Schedule>
            loading={schedules.loading}
            dataSource={schedules.data ?? []}
            renderItem={(schedule) => (
              <List.Item
                key={schedule.id}
                data-testid={`schedule-${schedule.id}`}
                actions={[
                  <Switch
                    key="active"
                    checked={schedule.active}
                    disabled={!manages}
                    checkedChildren={t('schedules.on')}
                    unCheckedChildren={t('schedules.off')}
                    onChange={(active) =>
                      void change(
                        () => api.put(`/schedules/${schedule.id}`, { active }),
                        active ? t('schedules.resumed', { name: schedule.name }) : t('schedules.paused', { name: schedule.name }),
                      )
                    }
                    data-testid="schedule-active"
                  />,
                  ...(manages
                    ? [
                        <Popconfirm
                          key="remove"
                          title={t('schedules.removeConfirm', { name: schedule.name })}
                          onConfirm={() =>
                            change(() => apiRequest(`/schedules/${schedule.id}`, { method: 'DELETE' }), t('schedules.removed'))
                          }
                        >
                          <Button type="link" danger data-testid="schedule-remove">
                            {t('schedules.remove')}
                          </Button>
                        </Popconfirm>,
                      ]
                    : []),
                ]}
              >
                <List.Item.Meta
                  title={
                    <Space wrap>
                      <span>{schedule.name}</span>
                      <Tag>{workflowName(schedule.workflowKey)}</Tag>
                    </Space>
                  }
                  description={
                    <span data-testid="schedule-when">
                      {describeRule(schedule.rule, locale)}
                      {schedule.active ? ` · ${t('schedules.next', { at: estateTime(schedule.nextRunAt, schedule.timezone) })}` : ''}
                    </span>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
      {manages ? (
        <Card title={t('schedules.new')} data-testid="schedule-form">
          <Form<PlanForm>
            form={form}
            layout="vertical"
            initialValues={{ every: 'week', at: '09:00', weekday: 1, monthDay: 1 }}
            onFinish={(input) => void create(input)}
            style={{ maxWidth: 560 }}
          >
            <Form.Item name="workflowKey" label={t('schedules.workflow')} rules={[{ required: true }]} extra={t('schedules.workflowHint')}>
              <Select
                options={(workflows.data ?? [])
                  .filter(schedulable)
                  .map((workflow) => ({ value: workflow.key, label: text(workflow.name) }))}
                data-testid="schedule-workflow"
              />
            </Form.Item>
            <Form.Item name="name" label={t('schedules.name')} rules={[{ required: true, whitespace: true, max: 80 }]}>
              <Input maxLength={80} placeholder={t('schedules.nameExample')} />
            </Form.Item>
            <Form.Item name="every" label={t('schedules.every')}>
              <Radio.Group
                options={[
                  { value: 'day', label: t('schedules.daily') },
                  { value: 'week', label: t('schedules.weekly') },
                  { value: 'month', label: t('schedules.monthly') },
                ]}
              />
            </Form.Item>
            <Space wrap align="start">
              {every === 'week' ? (
                <Form.Item name="weekday" label={t('schedules.weekday')}>
                  <Select
                    style={{ width: 120 }}
                    options={WEEKDAY_OPTIONS.map((day) => ({ value: day, label: weekdayName(day, locale) }))}
                    data-testid="schedule-weekday"
                  />
                </Form.Item>
              ) : null}
              {every === 'month' ? (
                <Form.Item name="monthDay" label={t('schedules.monthDay')} extra={t('schedules.monthDayHint')}>
                  <InputNumber min={1} max={31} precision={0} />
                </Form.Item>
              ) : null}
              <Form.Item
                name="at"
                label={t('schedules.at')}
                rules={[{ required: true, pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: t('schedules.atRule') }]}
              >
                <Input style={{ width: 100 }} placeholder="09:00" data-testid="schedule-at" />
              </Form.Item>
            </Space>
            <Button type="primary" htmlType="submit" icon={<ScheduleOutlined />} loading={saving}>
              {t('schedules.create')}
            </Button>
          </Form>
        </Card>
      ) : null}
    </Space>
  );
}
