import { apiUrl } from '../../api/client';
import type { Locale } from '../../api/types';
import { reportQuery, type ReportFilters } from './report-query';

/**
 * GET /api/reports/requests.csv for the filters the page shows, with column headings in the UI's
 * language; a plain link, so the browser downloads it with the session cookie.
 */
export function reportCsvUrl(filters: ReportFilters, lang: Locale): string {
  return apiUrl('/reports/requests.csv', { ...reportQuery(filters), lang });
}
