import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Input, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { InstanceStatus, InstanceSummary, Page } from '../../api/types';
import { useApi } from '../../hooks/use-api';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../shared/error-message';
import { statusColor, statusKey } from '../components/InstanceSummary';
import { useEstate } from '../EstateProvider';

const statuses: InstanceStatus[] = ['active', 'completed', 'cancelled', 'incident'];
const pageSize = 20;

export default function InstanceListPage() {
  const { t, text } = useI18n();
  const { estate } = useEstate();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<InstanceStatus | undefined>();
  const [mine, setMine] = useState(false);
  const [page, setPage] = useState(1);
  const list = useApi<Page<InstanceSummary>>(
    estate ? '/instances' : null,
    { estateId: estate?.id, q, status, mine: mine || undefined, page, pageSize },
    (event) => event.kind === 'instance.updated' || event.kind === 'task.changed',
  );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('instances.title')}
      </Typography.Title>
      <div className="ef-toolbar">
        <Input.Search
          allowClear
          placeholder={t('instances.searchPlaceholder')}
          style={{ maxWidth: 260 }}
          data-testid="instances-search"
          onSearch={(value) => {
            setQ(value);
            setPage(1);
          }}
        />
        <Select
          allowClear
          placeholder={t('instance.status')}
          style={{ minWidth: 120 }}
          value={status}
          onChange={(value: InstanceStatus | undefined) => {
            setStatus(value);
            setPage(1);
          }}
          options={statuses.map((value) => ({ value, label: t(statusKey[value]) }))}
        />
        <Space>
          <Switch
            size="small"
            checked={mine}
            onChange={(value) => {
              setMine(value);
              setPage(1);
            }}
          />
          {t('instances.mineOnly')}
        </Space>
      </div>
      {list.error ? <Alert type="error" showIcon title={errorMessage(list.error, t)} /> : null}
      <Table<InstanceSummary>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 720 }}
        locale={{ emptyText: t('instances.empty') }}
        pagination={{ current: page, pageSize, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          {
            title: t('inbox.reference'),
            key: 'reference',
            width: 170,
            render: (_, item) => <Link to={`/instances/${item.id}`}>{item.reference}</Link>,
          },
          { title: t('inbox.title'), dataIndex: 'title', ellipsis: true },
          { title: t('instance.workflow'), key: 'workflow', width: 130, render: (_, item) => text(item.workflowName) || item.workflowKey },
          {
            title: t('instance.state'),
            key: 'state',
            width: 110,
            render: (_, item) => <Tag color="blue">{text(item.stateLabel) || item.state}</Tag>,
          },
          {
            title: t('instance.status'),
            key: 'status',
            width: 90,
            render: (_, item) => <Tag color={statusColor[item.status]}>{t(statusKey[item.status])}</Tag>,
          },
          { title: t('instance.unit'), key: 'unit', width: 140, render: (_, item) => item.unit?.label ?? '—' },
          {
            title: t('instance.updatedAt'),
            dataIndex: 'updatedAt',
            width: 160,
            render: (value: string) => new Date(value).toLocaleString(),
          },
        ]}
      />
    </Space>
  );
}
