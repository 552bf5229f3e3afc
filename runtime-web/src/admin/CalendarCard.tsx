import { useEffect, useState } from 'react';
import { App as AntApp, Button, Card, Checkbox, Form, Input, Space, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../api/client';
import { useApi } from '../hooks/use-api';
import { failureText } from './admin-request';
import type { BusinessCalendar } from './admin-types';
import { useAdminText } from './use-admin-text';

const WEEKDAYS: [number, string, string][] = [
  [1, '一', 'Mon'],
  [2, '二', 'Tue'],
  [3, '三', 'Wed'],
  [4, '四', 'Thu'],
  [5, '五', 'Fri'],
  [6, '六', 'Sat'],
  [7, '日', 'Sun'],
];

function dates(text: string): string[] {
  return text
    .split(/[\s,，]+/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** An estate's business calendar: working days and hours, holidays (法定节假日) and make-up working days (调休). */
export function CalendarCard({ estateId }: { estateId: string }) {
  const tr = useAdminText();
  const { message } = AntApp.useApp();
  const calendar = useApi<BusinessCalendar>(`/admin/estates/${estateId}/calendar`);
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!calendar.data) return;
    form.setFieldsValue({
      weekdays: calendar.data.weekdays,
      hours: calendar.data.hours.map((span) => [
        dayjs(span.from === '24:00' ? '23:59' : span.from, 'HH:mm'),
        dayjs(span.to === '24:00' ? '23:59' : span.to, 'HH:mm'),
      ]),
      holidays: calendar.data.holidays.join(', '),
      workdays: calendar.data.workdays.join(', '),
    });
  }, [calendar.data, form]);

  async function save(values: { weekdays: number[]; hours: [Dayjs, Dayjs][]; holidays?: string; workdays?: string }) {
    setSaving(true);
    try {
      await api.put<BusinessCalendar>(`/admin/estates/${estateId}/calendar`, {
        weekdays: values.weekdays,
        hours: values.hours.map(([from, to]) => ({
          from: from.format('HH:mm'),
          to: to.format('HH:mm') === '23:59' ? '24:00' : to.format('HH:mm'),
        })),
        holidays: dates(values.holidays ?? ''),
        workdays: dates(values.workdays ?? ''),
      });
      message.success(tr('已保存；新的 SLA 截止时间按此日历计算', 'Saved; new SLA deadlines follow this calendar'));
      calendar.reload();
    } catch (error) {
      message.error(failureText(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card title={tr('工作日历', 'Business calendar')} loading={calendar.loading && !calendar.data}>
      <Form form={form} layout="vertical" onFinish={save}>
        <Form.Item name="weekdays" label={tr('工作日', 'Working days')}>
          <Checkbox.Group options={WEEKDAYS.map(([value, zh, en]) => ({ value, label: tr(`周${zh}`, en) }))} />
        </Form.Item>
        <Form.List name="hours">
          {(fields, { add, remove }) => (
            <Form.Item label={tr('工作时段', 'Working hours')}>
              <Space direction="vertical">
                {fields.map((field) => (
                  <Space key={field.key}>
                    <Form.Item name={field.name} noStyle rules={[{ required: true }]}>
                      <TimePicker.RangePicker format="HH:mm" minuteStep={15} />
                    </Form.Item>
                    <Button size="small" onClick={() => remove(field.name)}>
                      {tr('删除', 'Remove')}
                    </Button>
                  </Space>
                ))}
                <Button size="small" onClick={() => add([dayjs('08:30', 'HH:mm'), dayjs('17:30', 'HH:mm')])}>
                  {tr('添加时段', 'Add hours')}
                </Button>
              </Space>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item name="holidays" label={tr('节假日（不上班的日期，如 2026-10-01）', 'Holidays (dates not worked, e.g. 2026-10-01)')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="workdays" label={tr('调休上班日', 'Make-up working days')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          {tr('保存日历', 'Save calendar')}
        </Button>
      </Form>
    </Card>
  );
}
