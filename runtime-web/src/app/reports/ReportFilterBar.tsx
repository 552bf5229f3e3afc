import { DatePicker, Segmented, Select } from 'antd';
import dayjs from 'dayjs';
import type { LocalizedText } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/translate';
import { MAX_REPORT_DAYS, PERIOD_PRESETS, type PeriodPreset, type ReportPeriod } from './report-period';

/** The estate select's value for "every estate I may report on". */
export const ALL_ESTATES = '*';

const presetLabel: Record<PeriodPreset, MessageKey> = {
  thisMonth: 'reports.thisMonth',
  lastMonth: 'reports.lastMonth',
  last30Days: 'reports.last30Days',
  thisYear: 'reports.thisYear',
};
const DATE = 'YYYY-MM-DD';

type Props = {
  estates: { id: string; name: string }[];
  /** An estate id, or ALL_ESTATES. */
  estate: string;
  canChooseAll: boolean;
  onEstate: (value: string) => void;
  /** The preset chosen, or null for dates picked by hand. */
  preset: PeriodPreset | null;
  period: ReportPeriod;
  onPreset: (preset: PeriodPreset) => void;
  onRange: (period: ReportPeriod) => void;
  today: string;
  workflows: ReadonlyMap<string, LocalizedText>;
  workflowKey: string | null;
  onWorkflow: (key: string | null) => void;
};

/**
 * What the report covers: estate (offered when there is a choice), period (a preset, or any dates
 * up to today and at most a year apart) and workflow.
 */
export function ReportFilterBar(props: Props) {
  const { t, text } = useI18n();
  return (
    <div className="ef-toolbar ef-report-filters">
      {props.estates.length > 1 || props.canChooseAll ? (
        <Select
          aria-label={t('shell.estate')}
          style={{ minWidth: 150 }}
          value={props.estate}
          onChange={props.onEstate}
          data-testid="report-estate"
          options={[
            ...(props.canChooseAll ? [{ value: ALL_ESTATES, label: t('reports.allEstates') }] : []),
            ...props.estates.map((estate) => ({ value: estate.id, label: estate.name })),
          ]}
        />
      ) : null}
      <div className="ef-report-presets">
        <Segmented<string>
          aria-label={t('reports.period')}
          value={props.preset ?? ''}
          data-testid="report-presets"
          onChange={(value) => {
            const preset = PERIOD_PRESETS.find((candidate) => candidate === value);
            if (preset) props.onPreset(preset);
          }}
          options={PERIOD_PRESETS.map((preset) => ({ value: preset, label: t(presetLabel[preset]) }))}
        />
      </div>
      <DatePicker.RangePicker
        aria-label={t('reports.period')}
        allowClear={false}
        value={[dayjs(props.period.from), dayjs(props.period.to)]}
        disabledDate={(day, info) =>
          day.isAfter(props.today, 'day') || (info.from !== undefined && Math.abs(day.diff(info.from, 'day')) >= MAX_REPORT_DAYS)
        }
        data-testid="report-range"
        onChange={(dates) => {
          const [from, to] = dates ?? [];
          if (from && to) props.onRange({ from: from.format(DATE), to: to.format(DATE) });
        }}
      />
      <Select
        allowClear
        aria-label={t('instance.workflow')}
        placeholder={t('reports.allWorkflows')}
        style={{ minWidth: 140 }}
        value={props.workflowKey ?? undefined}
        onChange={(value: string | undefined) => props.onWorkflow(value ?? null)}
        data-testid="report-workflow"
        options={[...props.workflows].map(([key, name]) => ({ value: key, label: text(name) || key }))}
      />
    </div>
  );
}
