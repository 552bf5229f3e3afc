import { Injectable } from '@nestjs/common';
import type { LocalizedText, WorkflowDefinition } from '@estateflow/model';
import { AccessService } from '../access/access.service';
import type { Principal } from '../auth/principal';
import { isoDate, zonedParts } from '../calendar/zoned-time';
import { ForbiddenError, UnprocessableError } from '../common/errors';
import { CompiledVersionCache } from '../definitions/compiled-version.cache';
import { Clock } from '../timers/clock';
import { type ReportFigures, type ReportSummary } from './report.types';
import { categoryLabels, ratingFieldNames } from './report-fields';
import { reportPeriod, trendMonths, type ReportPeriod } from './report-period';
import { type RequestsTable, requestsTable } from './requests-table';
import { type FiguresRow, MAX_EXPORT_ROWS, type ReportEstate, type ReportScope, ReportsRepository } from './reports.repository';

export interface ReportQuery {
  estateId?: string;
  from?: string;
  to?: string;
  workflowKey?: string;
}

/** Where "today" is when a report covers estates in several time zones. */
const DEFAULT_TIMEZONE = 'Asia/Shanghai';

/** The one satisfaction target the estates share, or null when they differ (or there are none). */
function sharedTarget(estates: readonly ReportEstate[]): number | null {
  const targets = new Set(estates.map((estate) => estate.satisfactionTarget));
  return targets.size === 1 ? ([...targets][0] ?? null) : null;
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

function figuresOf(row: FiguresRow | undefined): ReportFigures {
  const created = row?.created ?? 0;
  const tasksWithSla = row?.tasksWithSla ?? 0;
  const slaBreached = row?.slaBreached ?? 0;
  const rated = row?.rated ?? 0;
  return {
    created,
    completed: row?.completed ?? 0,
    cancelled: row?.cancelled ?? 0,
    open: row?.open ?? 0,
    averageResponseMinutes: row?.averageResponseMinutes ?? null,
    averageCompletionHours: row?.averageCompletionHours ?? null,
    tasksWithSla,
    slaBreached,
    onTimeRate: ratio(tasksWithSla - slaBreached, tasksWithSla),
    rated,
    averageRating: row?.averageRating ?? null,
    satisfiedShare: ratio(row?.satisfied ?? 0, rated),
  };
}

/**
 * Reports (DOMAIN.md): how requests were handled, for the estates where the caller holds
 * `report.read` — estate managers their estates, company admins every estate of the company.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly repository: ReportsRepository,
    private readonly access: AccessService,
    private readonly versions: CompiledVersionCache,
    private readonly clock: Clock,
  ) {}

  async summary(principal: Principal, query: ReportQuery): Promise<ReportSummary> {
    const { scope, estates } = await this.scope(principal, query);
    const { measured, definitions } = await this.measured(scope);
    const trendPeriod: ReportPeriod = { from: `${trendMonths(scope.to)[0]}-01`, to: scope.to };
    const [figures, repeatFaults, trend] = await Promise.all([
      this.repository.figures(measured),
      this.repository.repeatFaults(measured),
      this.repository.trend({ ...scope, ...trendPeriod }),
    ]);
    const nameOf = (versionId: string | null, fallback: string): LocalizedText => {
      const definition = versionId === null ? undefined : definitions.get(versionId);
      return definition?.name ?? { 'zh-CN': fallback };
    };
    const counted = (kind: 'created' | 'completed', place: number) =>
      trend.find((row) => row.kind === kind && row.month === place)?.count ?? 0;
    return {
      period: { from: scope.from, to: scope.to },
      workflowKey: scope.workflowKey,
      estates: estates.map((estate) => ({ id: estate.id, name: estate.name, satisfactionTarget: estate.satisfactionTarget })),
      satisfactionTarget: sharedTarget(estates),
      totals: figuresOf(figures.find((row) => row.grouping === 'total')),
      byWorkflow: figures
        .filter((row) => row.grouping === 'workflow' && row.workflowKey !== null)
        .map((row) => ({ workflowKey: row.workflowKey ?? '', name: nameOf(row.versionId, row.workflowKey ?? ''), ...figuresOf(row) }))
        .sort((a, b) => b.created - a.created || a.workflowKey.localeCompare(b.workflowKey)),
      byEstate: estates
        .map((estate) => ({
          estateId: estate.id,
          name: estate.name,
          satisfactionTarget: estate.satisfactionTarget,
          ...figuresOf(figures.find((row) => row.grouping === 'estate' && row.estateId === estate.id)),
        }))
        .sort((a, b) => b.created - a.created || a.name.localeCompare(b.name)),
      trend: trendMonths(scope.to).map((month, index) => ({
        month,
        created: counted('created', index + 1),
        completed: counted('completed', index + 1),
      })),
      exportLimit: MAX_EXPORT_ROWS,
      repeatFaults: repeatFaults.map((row) => {
        const definition = definitions.get(row.versionId);
        return {
          estateId: row.estateId,
          unitId: row.unitId,
          unitLabel: row.unitLabel,
          workflowKey: row.workflowKey,
          category: row.category,
          categoryLabel: row.category === null || !definition ? null : (categoryLabels(definition).get(row.category) ?? null),
          count: row.count,
          requests: row.requests,
        };
      }),
    };
  }

  /** Every request of the period, one row each, for a spreadsheet. */
  async requests(principal: Principal, query: ReportQuery, locale: 'zh-CN' | 'en'): Promise<RequestsTable> {
    const { scope } = await this.scope(principal, query);
    const { measured, definitions } = await this.measured(scope);
    const rows = await this.repository.requests(measured, MAX_EXPORT_ROWS + 1);
    if (rows.length > MAX_EXPORT_ROWS)
      throw new UnprocessableError(`More than ${MAX_EXPORT_ROWS} requests in this period; export a shorter one.`);
    return requestsTable({ rows, definitions, locale, period: scope });
  }

  /** The definitions of the versions the scope's requests run on, and where each keeps its satisfaction score. */
  private async measured(
    scope: Omit<ReportScope, 'ratingFields'>,
  ): Promise<{ measured: ReportScope; definitions: Map<string, WorkflowDefinition> }> {
    const versions = await this.repository.versions(scope);
    const definitions = new Map(
      await Promise.all(
        versions.map(async ({ versionId }) => [versionId, (await this.versions.get(scope.companyId, versionId)).definition] as const),
      ),
    );
    const ratingFields = [...definitions].flatMap(([versionId, definition]) =>
      ratingFieldNames(definition).map((field) => ({ versionId, field })),
    );
    return { measured: { ...scope, ratingFields }, definitions };
  }

  /** The estates, period and workflow a report covers; refuses estates and callers without `report.read`. */
  private async scope(
    principal: Principal,
    query: ReportQuery,
  ): Promise<{ scope: Omit<ReportScope, 'ratingFields'>; estates: ReportEstate[] }> {
    let estates: ReportEstate[];
    if (query.estateId !== undefined) {
      estates = await this.repository.estates({ companyId: principal.companyId, ids: [query.estateId] });
      if (estates.length === 0) throw this.access.hidden({ principal, action: 'report.read', what: 'The estate', id: query.estateId });
      this.access.require(principal, 'report.read', { estateId: query.estateId, what: 'The estate' });
    } else {
      const granted = this.access.estatesWith(principal, 'report.read');
      if (granted !== null && granted.length === 0) throw new ForbiddenError('Your role does not include reports (report.read).');
      estates = await this.repository.estates({ companyId: principal.companyId, ids: granted });
    }
    const now = this.clock.now();
    const timezone = estates.length === 1 ? (estates[0]?.timezone ?? DEFAULT_TIMEZONE) : DEFAULT_TIMEZONE;
    const period = reportPeriod({ from: query.from, to: query.to, today: isoDate(zonedParts(now.getTime(), timezone)) });
    return {
      scope: {
        companyId: principal.companyId,
        estateIds: estates.map((estate) => estate.id),
        ...period,
        workflowKey: query.workflowKey === undefined || query.workflowKey === '' ? null : query.workflowKey,
        now,
      },
      estates,
    };
  }
}
