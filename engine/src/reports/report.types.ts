import type { LocalizedText } from '@estateflow/model';

/**
 * GET /api/reports/summary: how an estate (or every estate the caller may report on) handled its
 * requests in a period — DOMAIN.md's reports: volume, time to respond and to complete, SLA
 * breaches, satisfaction, repeat faults by location, monthly trends. Every figure counts the
 * requests *created* in the period, by each estate's own calendar date; the trend shows the twelve
 * months that end with the period's last month. Averages are null when nothing was measured.
 */
export interface ReportSummary {
  /** Inclusive local dates, YYYY-MM-DD. */
  period: { from: string; to: string };
  workflowKey: string | null;
  /** The estates the figures cover, each with the average rating it aims for. */
  estates: { id: string; name: string; satisfactionTarget: number }[];
  /** The average rating the covered estates aim for; null when they aim for different ones (byEstate has each one's). */
  satisfactionTarget: number | null;
  totals: ReportFigures;
  byWorkflow: (ReportFigures & { workflowKey: string; name: LocalizedText })[];
  /** One row per covered estate (a company-wide report compares its estates). */
  byEstate: (ReportFigures & { estateId: string; name: string; satisfactionTarget: number })[];
  /** Twelve months, oldest first: requests created, and requests completed, in each. */
  trend: { month: string; created: number; completed: number }[];
  /** A unit with two or more requests of one workflow and category in the period, most first (at most 20). */
  repeatFaults: RepeatFault[];
  /** The most requests one export holds (GET /api/reports/requests.csv): more in the period, and it asks for a shorter one. */
  exportLimit: number;
}

export interface ReportFigures {
  /** Requests created in the period, and what became of them by now. */
  created: number;
  completed: number;
  cancelled: number;
  /** Still active, or stopped by an incident. */
  open: number;
  /** Creation → staff first took it up (the first staff task claimed or done), in minutes. */
  averageResponseMinutes: number | null;
  /** Creation → completion of the completed ones, in hours. */
  averageCompletionHours: number | null;
  /** Staff tasks with an SLA, and those that missed a deadline (responded or finished late, or still open past it). */
  tasksWithSla: number;
  slaBreached: number;
  /** (tasksWithSla − slaBreached) ÷ tasksWithSla, 0–1. */
  onTimeRate: number | null;
  /** Requests the owner rated (a form field with the `rating` widget; the latest rating counts). */
  rated: number;
  averageRating: number | null;
  /** Share of the rated ones with 4 or 5 stars, 0–1. */
  satisfiedShare: number | null;
}

export interface RepeatFault {
  estateId: string;
  unitId: string;
  unitLabel: string;
  workflowKey: string;
  /** The start form's `category` value, and its label from that form (null when the request has none). */
  category: string | null;
  categoryLabel: LocalizedText | null;
  count: number;
  /** The newest ten of them, newest first. */
  requests: { id: string; reference: string }[];
}
