import { applyDecorators, Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { optionalUuidQuery } from '../admin/uuid-query';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ValidationError } from '../common/errors';
import type { ReportSummary } from './report.types';
import { toCsv } from './requests-table';
import { type ReportQuery, ReportsService } from './reports.service';

/** A workflow key as the definition format writes it (definition.schema.json `key`). */
const WORKFLOW_KEY = /^[a-z][a-z0-9_-]{0,63}$/;

/** The query both report endpoints take, checked: ids and keys as they can be, dates left to reportPeriod. */
function reportQuery(raw: { estateId?: string; from?: string; to?: string; workflowKey?: string }): ReportQuery {
  const query: ReportQuery = {};
  const estateId = optionalUuidQuery('estateId', raw.estateId);
  if (estateId !== undefined) query.estateId = estateId;
  if (raw.workflowKey !== undefined && raw.workflowKey !== '') {
    if (!WORKFLOW_KEY.test(raw.workflowKey))
      throw new ValidationError('"workflowKey" must be a workflow key such as "repair".', {
        fields: [{ field: 'workflowKey', message: 'not a workflow key' }],
      });
    query.workflowKey = raw.workflowKey;
  }
  if (raw.from !== undefined) query.from = raw.from;
  if (raw.to !== undefined) query.to = raw.to;
  return query;
}

/** The query parameters both endpoints document. */
const PeriodQueries = () =>
  applyDecorators(
    ApiQuery({ name: 'estateId', required: false, description: 'One estate; omitted: every estate where the caller may read reports' }),
    ApiQuery({ name: 'from', required: false, description: 'First local date, YYYY-MM-DD (default: the first day of the month of "to")' }),
    ApiQuery({ name: 'to', required: false, description: 'Last local date, YYYY-MM-DD (default: today); at most 366 days after "from"' }),
    ApiQuery({ name: 'workflowKey', required: false, description: 'Only this workflow' }),
  );

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('summary')
  @ApiOperation({
    summary:
      'Requests created in a period: volume, response and completion times, SLA breaches, satisfaction, repeat faults, a 12-month trend',
  })
  @PeriodQueries()
  summary(
    @CurrentPrincipal() principal: Principal,
    @Query('estateId') estateId?: string,
    @Query('from') from?: string,
    @Query('to') to?: string,
    @Query('workflowKey') workflowKey?: string,
  ): Promise<ReportSummary> {
    return this.reports.summary(principal, reportQuery({ estateId, from, to, workflowKey }));
  }

  @Get('requests.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Every request of the period with its figures, one row each (CSV, UTF-8 with BOM)' })
  @PeriodQueries()
  @ApiQuery({ name: 'lang', required: false, enum: ['zh-CN', 'en'] })
  async requests(
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: FastifyReply,
    @Query('estateId') estateId?: string,
    @Query('from') from?: string,
    @Query('to') to?: string,
    @Query('workflowKey') workflowKey?: string,
    @Query('lang') lang?: string,
  ): Promise<StreamableFile> {
    const table = await this.reports.requests(principal, reportQuery({ estateId, from, to, workflowKey }), lang === 'en' ? 'en' : 'zh-CN');
    const content = toCsv(table);
    response.header('Cache-Control', 'no-store');
    return new StreamableFile(content, {
      type: 'text/csv; charset=utf-8',
      length: content.length,
      disposition: `attachment; filename="requests.csv"; filename*=UTF-8''${encodeURIComponent(table.fileName)}`,
    });
  }
}
