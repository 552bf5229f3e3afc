import { useState } from 'react';
import { Alert, Button, Card, Empty, Result, Space, Spin, Tooltip, Typography } from 'antd';
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { LocalizedText, ReportSummary } from '../../api/types';
import { useApi } from '../../hooks/use-api';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../shared/error-message';
import { useSession } from '../../shared/SessionProvider';
import { useEstate } from '../EstateProvider';
import { FiguresTable } from './FiguresTable';
import { HeadlineFigures } from './HeadlineFigures';
import { MonthlyTrend } from './MonthlyTrend';
import { RepeatFaultsTable } from './RepeatFaultsTable';
import { ALL_ESTATES, ReportFilterBar } from './ReportFilterBar';
import { reportCsvUrl } from './report-csv-url';
import { reportEstates } from './report-estates';
import { presetPeriod, type PeriodPreset, type ReportPeriod } from './report-period';
import { reportQuery, type ReportFilters } from './report-query';
import './reports.css';

/**
 * The estate dashboard (报表): how requests created in a period were handled — volume, speed,
 * deadlines kept, satisfaction, repeat faults, the twelve-month trend — with a CSV export.
 */
export default function ReportsPage() {
  const { t, text, locale } = useI18n();
  const { session } = useSession();
  const { estate, setEstateId } = useEstate();
  const me = session.status === 'signedIn' && session.me.kind === 'staff' ? session.me : null;
  const estates = me ? reportEstates(me) : [];
  const [browserToday] = useState(() => dayjs().format('YYYY-MM-DD'));
  // The estate's own date, learnt from the server's default period: the presets count from it.
  const [estateToday, setEstateToday] = useState<string | null>(null);
  const today = estateToday ?? browserToday;
  const [chosen, setChosen] = useState<{ preset: PeriodPreset } | ({ preset: null } & ReportPeriod)>({ preset: 'thisMonth' });
  const period = chosen.preset ? presetPeriod(chosen.preset, today) : chosen;
  const [allEstates, setAllEstates] = useState(false);
  const [workflowKey, setWorkflowKey] = useState<string | null>(null);
  // The current estate, when the person may report on it; else the first one they may.
  const reportEstate = estates.find((item) => item.id === estate?.id) ?? estates[0] ?? null;
  // This month leaves the dates to the server, which counts them by the estate's calendar.
  const serverDefault = chosen.preset === 'thisMonth';
  const filters: ReportFilters = {
    estateId: allEstates ? null : (reportEstate?.id ?? null),
    from: serverDefault ? null : period.from,
    to: serverDefault ? null : period.to,
    workflowKey,
  };
  const summary = useApi<ReportSummary>(estates.length > 0 ? '/reports/summary' : null, reportQuery(filters));
  const report = summary.data;
  if (serverDefault && report && !summary.loading && !summary.error && report.period.to !== estateToday) setEstateToday(report.period.to);

  // Workflows seen in any answer stay on offer, so choosing one (the server then reports only it) keeps the others pickable.
  const [workflows, setWorkflows] = useState<ReadonlyMap<string, LocalizedText>>(new Map());
  const fresh = (report?.byWorkflow ?? []).filter((row) => !workflows.has(row.workflowKey));
  if (fresh.length > 0) {
    const next = new Map(workflows);
    for (const row of fresh) next.set(row.workflowKey, row.name);
    setWorkflows(next);
  }

  if (!me || estates.length === 0) return <Result status="403" title={t('reports.forbidden')} />;
  const scope = allEstates ? t('reports.allEstates') : (report?.estates.map((item) => item.name).join('、') ?? '');
  const severalEstates = (report?.estates.length ?? 0) > 1;
  // A plain download link cannot show the engine's refusal, so a period too long to export says so here.
  const tooManyToExport = report !== undefined && report.totals.created > report.exportLimit;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div className="ef-report-head">
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('reports.title')}
          </Typography.Title>
          {report ? (
            <Typography.Text type="secondary" data-testid="report-scope">
              {scope} · {t('reports.periodRange', { from: report.period.from, to: report.period.to })}
            </Typography.Text>
          ) : null}
        </div>
        <Space>
          <Button icon={<ReloadOutlined />} aria-label={t('common.refresh')} title={t('common.refresh')} onClick={summary.reload} />
          <Tooltip title={tooManyToExport ? t('reports.exportTooMany', { limit: report.exportLimit }) : undefined}>
            <Button
              type="primary"
              icon={<DownloadOutlined />}
              href={tooManyToExport ? undefined : reportCsvUrl(filters, locale)}
              disabled={tooManyToExport}
              download
              data-testid="report-export"
            >
              {t('reports.exportCsv')}
            </Button>
          </Tooltip>
        </Space>
      </div>
      <ReportFilterBar
        estates={estates}
        estate={allEstates ? ALL_ESTATES : (reportEstate?.id ?? '')}
        canChooseAll={me.companyRoles.includes('company_admin') || estates.length > 1}
        onEstate={(value) => {
          setAllEstates(value === ALL_ESTATES);
          if (value !== ALL_ESTATES) setEstateId(value);
        }}
        preset={chosen.preset}
        period={period}
        onPreset={(preset) => setChosen({ preset })}
        onRange={(range) => setChosen({ preset: null, ...range })}
        today={today}
        workflows={workflows}
        workflowKey={workflowKey}
        onWorkflow={setWorkflowKey}
      />
      {summary.error ? <Alert type="error" showIcon title={errorMessage(summary.error, t)} data-testid="report-error" /> : null}
      <Spin spinning={summary.loading}>
        {report ? (
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            {report.totals.created === 0 ? (
              <Card size="small">
                <Empty description={t('reports.empty')} data-testid="report-empty">
                  <Typography.Text type="secondary">{t('reports.emptyHint')}</Typography.Text>
                </Empty>
              </Card>
            ) : (
              <HeadlineFigures totals={report.totals} satisfactionTarget={report.satisfactionTarget} />
            )}
            {report.trend.some((month) => month.created > 0 || month.completed > 0) ? <MonthlyTrend trend={report.trend} /> : null}
            {report.totals.created > 0 ? (
              <>
                <FiguresTable
                  title={t('reports.byWorkflow')}
                  nameTitle={t('instance.workflow')}
                  testId="report-by-workflow"
                  rows={report.byWorkflow.map((row) => ({
                    ...row,
                    key: row.workflowKey,
                    name: text(row.name) || row.workflowKey,
                    satisfactionTarget: report.satisfactionTarget,
                  }))}
                />
                {severalEstates ? (
                  <FiguresTable
                    title={t('reports.byEstate')}
                    nameTitle={t('shell.estate')}
                    testId="report-by-estate"
                    rows={report.byEstate.map((row) => ({ ...row, key: row.estateId }))}
                  />
                ) : null}
                <RepeatFaultsTable
                  faults={report.repeatFaults}
                  workflowNames={workflows}
                  estateNames={severalEstates ? new Map(report.estates.map((item) => [item.id, item.name])) : null}
                />
              </>
            ) : null}
          </Space>
        ) : (
          <div style={{ minHeight: 200 }} />
        )}
      </Spin>
    </Space>
  );
}
