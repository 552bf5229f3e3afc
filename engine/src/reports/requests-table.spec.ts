import { describe, expect, it } from 'vitest';
import { requestsTable, toCsv } from './requests-table';
import type { RequestRow } from './reports.repository';

const ROW: RequestRow = {
  reference: 'BX-20261103-0001',
  title: '=HYPERLINK("http://evil")',
  workflowKey: 'repair',
  versionId: 'v1',
  estateName: '阳光花园',
  timezone: 'Asia/Shanghai',
  unitLabel: '3栋2单元1201',
  category: 'plumbing_electric',
  status: 'completed',
  stateValue: 'closed',
  createdAt: new Date('2026-11-03T01:05:00Z'),
  completedAt: new Date('2026-11-04T10:30:00Z'),
  responseMinutes: 12.4,
  completionHours: 33.416,
  tasksWithSla: 3,
  slaBreached: 1,
  rating: 4,
};

describe('the export of a report', () => {
  it('writes one row per request with local times, rounded figures and the reader’s language', () => {
    const table = requestsTable({ rows: [ROW], definitions: new Map(), locale: 'zh-CN', period: { from: '2026-11-01', to: '2026-11-30' } });
    expect(table.fileName).toBe('工单明细-2026-11-01-2026-11-30.csv');
    expect(table.header[0]).toBe('编号');
    expect(table.rows[0]).toEqual([
      'BX-20261103-0001',
      '=HYPERLINK("http://evil")',
      'repair',
      '阳光花园',
      '3栋2单元1201',
      'plumbing_electric',
      '已完成',
      'closed',
      '2026-11-03 09:05',
      '2026-11-04 18:30',
      12,
      33.4,
      3,
      1,
      4,
    ]);
    expect(
      requestsTable({ rows: [ROW], definitions: new Map(), locale: 'en', period: { from: '2026-11-01', to: '2026-11-30' } }).header[0],
    ).toBe('Reference');
  });

  it('opens as Chinese in Excel, and a text that looks like a formula stays text', () => {
    const table = requestsTable({ rows: [ROW], definitions: new Map(), locale: 'zh-CN', period: { from: '2026-11-01', to: '2026-11-30' } });
    const csv = toCsv(table);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).split('\r\n');
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(lines[1]?.endsWith(',12,33.4,3,1,4')).toBe(true);
    expect(lines).toHaveLength(3);
  });
});
