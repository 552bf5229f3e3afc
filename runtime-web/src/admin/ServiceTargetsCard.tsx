import { useState } from 'react';
import { App as AntApp, Button, Card, Form, InputNumber, Typography } from 'antd';
import { adminApi, failureText } from './admin-request';
import type { Estate } from './admin-types';
import { useAdminText } from './use-admin-text';

/** The numbers an estate's reports hold its service to: for now the satisfaction it aims for (DOMAIN.md: ≥ 4.2 / 5). */
export function ServiceTargetsCard({ estate, onChanged }: { estate: Estate; onChanged: () => void }) {
  const tr = useAdminText();
  const { message } = AntApp.useApp();
  const [saving, setSaving] = useState(false);

  async function save(values: { satisfactionTarget: number }) {
    setSaving(true);
    try {
      await adminApi.patch<Estate>(`/admin/estates/${estate.id}`, { satisfactionTarget: values.satisfactionTarget });
      message.success(tr('已保存；报表按新目标标记满意度', 'Saved; reports mark satisfaction against the new target'));
      onChanged();
    } catch (error) {
      message.error(failureText(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card title={tr('服务目标', 'Service targets')} data-testid="service-targets">
      <Form layout="inline" initialValues={{ satisfactionTarget: estate.satisfactionTarget }} onFinish={save}>
        <Form.Item
          name="satisfactionTarget"
          label={tr('满意度目标（1–5 分）', 'Satisfaction target (1–5)')}
          rules={[{ required: true, type: 'number', min: 1, max: 5 }]}
        >
          <InputNumber min={1} max={5} step={0.1} precision={1} style={{ width: 96 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>
            {tr('保存', 'Save')}
          </Button>
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {tr(
          '报表中平均评分低于此目标时标红；常见目标为 4.2 分。',
          'Reports mark an average rating below this target in red; 4.2 is a common one.',
        )}
      </Typography.Paragraph>
    </Card>
  );
}
