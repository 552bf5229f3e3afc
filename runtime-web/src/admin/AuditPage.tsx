import { useState } from 'react';
import { Card, DatePicker, Input, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useApi } from '../hooks/use-api';
import type { AuditEntry, Page } from './admin-types';
import { useAdminText } from './use-admin-text';

/** The company's audit log (company admins): sign-ins, permission changes, unmasking, imports. */
export default function AuditPage() {
  const tr = useAdminText();
  const [action, setAction] = useState('');
  const [actor, setActor] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const entries = useApi<Page<AuditEntry>>('/audit', {
    action,
    actor,
    from: range?.[0]?.startOf('day').toISOString(),
    to: range?.[1]?.endOf('day').toISOString(),
    page,
    pageSize: 50,
  });
  return (
    <Card
      title={tr('审计日志', 'Audit log')}
      extra={
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={tr('操作，如 staff. 或 auth.login', 'Action, e.g. staff. or auth.login')}
            onSearch={(value) => {
              setAction(value);
              setPage(1);
            }}
            style={{ width: 220 }}
          />
          <Input.Search
            allowClear
            placeholder={tr('操作人 ID', 'Actor id')}
            onSearch={(value) => {
              setActor(value);
              setPage(1);
            }}
            style={{ width: 220 }}
          />
          <DatePicker.RangePicker
            onChange={(value) => {
              setRange(value);
              setPage(1);
            }}
          />
        </Space>
      }
    >
      {entries.error ? (
        <Typography.Text type="danger">
          {tr('无法读取审计日志（仅集团管理员可查看）', 'Cannot read the audit log (company admins only)')}
        </Typography.Text>
      ) : null}
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={entries.loading}
        dataSource={entries.data?.items ?? []}
        pagination={{ current: page, pageSize: 50, total: entries.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: tr('时间', 'Time'), dataIndex: 'at', render: (at: string) => new Date(at).toLocaleString() },
          { title: tr('操作', 'Action'), dataIndex: 'action' },
          {
            title: tr('操作人', 'Actor'),
            render: (_, entry) => entry.actor.name ?? `${entry.actor.kind}${entry.actor.id ? ` ${entry.actor.id.slice(0, 8)}` : ''}`,
          },
          {
            title: tr('对象', 'Target'),
            render: (_, entry) => (entry.targetType ? `${entry.targetType} ${entry.targetId?.slice(0, 8) ?? ''}` : ''),
          },
          { title: tr('详情', 'Detail'), render: (_, entry) => <code style={{ fontSize: 12 }}>{JSON.stringify(entry.detail)}</code> },
          { title: 'IP', dataIndex: 'ip' },
        ]}
      />
    </Card>
  );
}
