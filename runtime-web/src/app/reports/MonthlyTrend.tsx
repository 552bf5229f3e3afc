import { Card, Space } from 'antd';
import type { ReportSummary } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { trendBars } from './trend-bars';

/**
 * Twelve months of requests created and completed, as paired bars drawn with plain elements (no
 * chart library): each month is a list item whose label reads both numbers to screen readers.
 */
export function MonthlyTrend({ trend }: { trend: ReportSummary['trend'] }) {
  const { t, locale } = useI18n();
  const bars = trendBars({ trend, locale });
  return (
    <Card
      size="small"
      title={t('reports.trend')}
      extra={
        <Space size={12} className="ef-trend-legend" aria-hidden="true">
          <span>
            <i className="ef-trend-swatch created" />
            {t('reports.created')}
          </span>
          <span>
            <i className="ef-trend-swatch completed" />
            {t('reports.completed')}
          </span>
        </Space>
      }
    >
      <div className="ef-report-hint">{t('reports.trendHint')}</div>
      <ol className="ef-trend" data-testid="report-trend">
        {bars.map((bar) => (
          <li
            key={bar.month}
            className="ef-trend-month"
            aria-label={t('reports.trendMonth', { month: bar.fullLabel, created: bar.created, completed: bar.completed })}
          >
            <div className="ef-trend-bars" aria-hidden="true">
              <div className="ef-trend-bar created" style={{ height: `${bar.createdHeight}%` }}>
                {bar.created > 0 ? <span className="ef-trend-value">{bar.created}</span> : null}
              </div>
              <div className="ef-trend-bar completed" style={{ height: `${bar.completedHeight}%` }}>
                {bar.completed > 0 ? <span className="ef-trend-value">{bar.completed}</span> : null}
              </div>
            </div>
            <div className="ef-trend-label" aria-hidden="true">
              {bar.label}
              <small>{bar.year ?? '\u00a0'}</small>
            </div>
          </li>
        ))}
      </ol>
    </Card>
  );
}
