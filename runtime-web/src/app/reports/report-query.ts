import type { QueryValue } from '../../api/client';

/**
 * What a report is of: one estate or (null) every estate the caller may report on; a period, or
 * (null dates) the server's default — this month up to today by the estate's own calendar; one
 * workflow or (null) all.
 */
export type ReportFilters = { estateId: string | null; from: string | null; to: string | null; workflowKey: string | null };

/** The query both report endpoints take; what is null is left out. */
export function reportQuery(filters: ReportFilters): Record<string, QueryValue> {
  return { estateId: filters.estateId, from: filters.from, to: filters.to, workflowKey: filters.workflowKey };
}
