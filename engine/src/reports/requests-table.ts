import { textFor, type WorkflowDefinition } from '@estateflow/model';
import { isoDate, zonedParts } from '../calendar/zoned-time';
import type { InstanceStatus } from '../generated/prisma/enums';
import { labelOfStateValue } from '../instances/state-value-label';
import { categoryLabels } from './report-fields';
import type { ReportPeriod } from './report-period';
import type { RequestRow } from './reports.repository';

type Locale = 'zh-CN' | 'en';
type Cell = string | number | null;

/** The export's sheet: a header and one row per request, in the reader's language. */
export interface RequestsTable {
  fileName: string;
  header: string[];
  rows: Cell[][];
}

const HEADER: Record<Locale, string[]> = {
  'zh-CN': [
    '编号',
    '标题',
    '流程',
    '项目',
    '房号',
    '分类',
    '状态',
    '当前节点',
    '创建时间',
    '完成时间',
    '响应时长(分钟)',
    '完成时长(小时)',
    '有时限的任务',
    '超时任务',
    '满意度',
  ],
  en: [
    'Reference',
    'Title',
    'Workflow',
    'Estate',
    'Unit',
    'Category',
    'Status',
    'State',
    'Created',
    'Completed',
    'Response (min)',
    'Completion (h)',
    'Tasks with SLA',
    'Late tasks',
    'Rating',
  ],
};

const STATUS: Record<Locale, Record<InstanceStatus, string>> = {
  'zh-CN': { active: '处理中', completed: '已完成', cancelled: '已取消', incident: '异常' },
  en: { active: 'Active', completed: 'Completed', cancelled: 'Cancelled', incident: 'Incident' },
};

/** "2026-11-22 09:05" in the estate's time zone. */
function localTime(at: Date | null, timezone: string): string | null {
  if (at === null) return null;
  const parts = zonedParts(at.getTime(), timezone);
  return `${isoDate(parts)} ${String(parts.hour).padStart(2, '0')}:${String(parts.minute).padStart(2, '0')}`;
}

function rounded(value: number | null, digits: number): number | null {
  return value === null ? null : Number(value.toFixed(digits));
}

/** The requests of a report as a table: labels from each request's own definition version, times in its estate's zone. */
export function requestsTable(input: {
  rows: RequestRow[];
  definitions: ReadonlyMap<string, WorkflowDefinition>;
  locale: Locale;
  period: ReportPeriod;
}): RequestsTable {
  const { locale } = input;
  const categories = new Map<string, ReturnType<typeof categoryLabels>>();
  const categoryLabel = (versionId: string, definition: WorkflowDefinition, category: string) => {
    let labels = categories.get(versionId);
    if (!labels) categories.set(versionId, (labels = categoryLabels(definition)));
    const label = labels.get(category);
    return label === undefined ? category : (textFor(label, locale) ?? category);
  };
  const rows = input.rows.map((row): Cell[] => {
    const definition = input.definitions.get(row.versionId);
    return [
      row.reference,
      row.title,
      definition ? (textFor(definition.name, locale) ?? row.workflowKey) : row.workflowKey,
      row.estateName,
      row.unitLabel,
      row.category === null ? null : definition ? categoryLabel(row.versionId, definition, row.category) : row.category,
      STATUS[locale][row.status],
      definition ? labelOfStateValue(definition, row.stateValue)[locale] : row.stateValue,
      localTime(row.createdAt, row.timezone),
      localTime(row.completedAt, row.timezone),
      rounded(row.responseMinutes, 0),
      rounded(row.completionHours, 1),
      row.tasksWithSla,
      row.slaBreached,
      row.rating,
    ];
  });
  const name = locale === 'en' ? 'requests' : '工单明细';
  return { fileName: `${name}-${input.period.from}-${input.period.to}.csv`, header: HEADER[locale], rows };
}

/** A cell as CSV writes it; a text that a spreadsheet would run as a formula (=, +, -, @) is prefixed with '. */
function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** UTF-8 with a byte-order mark, so that Excel opens the Chinese text as Chinese; CRLF line ends (RFC 4180). */
export function toCsv(table: RequestsTable): Buffer {
  const lines = [table.header, ...table.rows].map((row) => row.map(csvCell).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
