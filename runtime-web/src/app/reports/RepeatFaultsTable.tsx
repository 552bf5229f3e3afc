import { Link } from 'react-router-dom';
import { Card, Empty, Space, Table, Tag, Typography } from 'antd';
import type { LocalizedText, RepeatFault } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';

type Props = {
  faults: RepeatFault[];
  workflowNames: ReadonlyMap<string, LocalizedText>;
  /** Set when the report covers several estates: each row then names its estate. */
  estateNames: ReadonlyMap<string, string> | null;
};

/** Units that called about the same kind of fault again, each request a link to its page. */
export function RepeatFaultsTable({ faults, workflowNames, estateNames }: Props) {
  const { t, text } = useI18n();
  return (
    <Card size="small" title={t('reports.repeatFaults')} data-testid="report-repeat-faults">
      <div className="ef-report-hint">{t('reports.repeatFaultsHint')}</div>
      <Table<RepeatFault>
        className="ef-report-table"
        size="small"
        rowKey={(fault) => `${fault.unitId}:${fault.workflowKey}:${fault.category ?? ''}`}
        pagination={false}
        dataSource={faults}
        scroll={{ x: 640 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.noRepeatFaults')} /> }}
        columns={[
          ...(estateNames
            ? [
                {
                  title: t('shell.estate'),
                  key: 'estate',
                  width: 110,
                  render: (_: unknown, fault: RepeatFault) => estateNames.get(fault.estateId) ?? '',
                },
              ]
            : []),
          { title: t('instance.unit'), dataIndex: 'unitLabel', width: 130 },
          {
            title: t('instance.workflow'),
            key: 'workflow',
            width: 100,
            render: (_, fault) => text(workflowNames.get(fault.workflowKey)) || fault.workflowKey,
          },
          {
            title: t('inbox.category'),
            key: 'category',
            width: 100,
            render: (_, fault) => text(fault.categoryLabel) || fault.category || '—',
          },
          {
            title: t('reports.count'),
            dataIndex: 'count',
            align: 'right',
            width: 70,
            render: (count: number) => <Tag color={count >= 3 ? 'red' : 'orange'}>{count}</Tag>,
          },
          {
            title: t('inbox.reference'),
            key: 'requests',
            render: (_, fault) => (
              <Space size={[8, 0]} wrap>
                {fault.requests.map((request) => (
                  <Link key={request.id} to={`/instances/${request.id}`}>
                    <Typography.Text code>{request.reference}</Typography.Text>
                  </Link>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
