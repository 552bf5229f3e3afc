import { describe, expect, it } from 'vitest';
import { reportCsvUrl } from './report-csv-url';

describe('the CSV export link', () => {
  it('carries the estate, the period, the workflow and the language', () => {
    expect(reportCsvUrl({ estateId: 'e1', from: '2026-03-01', to: '2026-03-15', workflowKey: 'repair' }, 'zh-CN')).toBe(
      '/api/reports/requests.csv?estateId=e1&from=2026-03-01&to=2026-03-15&workflowKey=repair&lang=zh-CN',
    );
  });
  it('leaves out the estate for every estate, the dates for this month and the workflow for all of them', () => {
    expect(reportCsvUrl({ estateId: null, from: '2026-01-01', to: '2026-12-31', workflowKey: null }, 'en')).toBe(
      '/api/reports/requests.csv?from=2026-01-01&to=2026-12-31&lang=en',
    );
    expect(reportCsvUrl({ estateId: 'e1', from: null, to: null, workflowKey: null }, 'zh-CN')).toBe(
      '/api/reports/requests.csv?estateId=e1&lang=zh-CN',
    );
  });
});
