import { Card, Table, Typography } from 'antd';
import type { ReportFigures } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { formatAverage } from './format-average';
import { formatShare } from './format-share';
import { belowTarget } from './satisfaction-target';

/** `satisfactionTarget`: the rating the row's estate aims for (null: several estates that aim differently). */
export type FiguresRow = ReportFigures & { key: string; name: string; satisfactionTarget: number | null };

/** The headline figures per workflow or per estate, one row each. */
export function FiguresTable({ title, nameTitle, rows, testId }: { title: string; nameTitle: string; rows: FiguresRow[]; testId: string }) {
  const { t, locale } = useI18n();
  return (
    <Card size="small" title={title} data-testid={testId}>
      <Table<FiguresRow>
        className="ef-report-table"
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 880 }}
        columns={[
          { title: nameTitle, dataIndex: 'name', fixed: 'left', width: 140 },
          { title: t('reports.created'), dataIndex: 'created', align: 'right', width: 96 },
          { title: t('reports.completed'), dataIndex: 'completed', align: 'right', width: 96 },
          { title: t('reports.open'), dataIndex: 'open', align: 'right', width: 96 },
          {
            title: t('reports.averageResponse'),
            key: 'response',
            align: 'right',
            width: 110,
            render: (_, row) => formatAverage(row.averageResponseMinutes, t),
          },
          {
            title: t('reports.averageCompletion'),
            key: 'completion',
            align: 'right',
            width: 110,
            render: (_, row) => formatAverage(row.averageCompletionHours === null ? null : row.averageCompletionHours * 60, t),
          },
          {
            title: t('reports.onTimeRate'),
            key: 'onTime',
            align: 'right',
            width: 120,
            render: (_, row) => (
              <span
                title={row.tasksWithSla > 0 ? t('reports.breached', { breached: row.slaBreached, total: row.tasksWithSla }) : undefined}
              >
                {formatShare(row.onTimeRate, locale)}
              </span>
            ),
          },
          {
            title: t('reports.rating'),
            key: 'rating',
            align: 'right',
            width: 100,
            render: (_, row) =>
              row.averageRating === null ? (
                '—'
              ) : (
                <Typography.Text
                  type={belowTarget(row.averageRating, row.satisfactionTarget) ? 'danger' : undefined}
                  title={row.satisfactionTarget === null ? undefined : t('reports.target', { target: row.satisfactionTarget.toFixed(1) })}
                >
                  {row.averageRating.toFixed(1)}
                  <Typography.Text type="secondary"> ({row.rated})</Typography.Text>
                </Typography.Text>
              ),
          },
        ]}
      />
    </Card>
  );
}
