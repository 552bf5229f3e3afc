import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ValidationError } from '../common/errors';
import { JsonBody, type JsonSchema } from '../common/json-body';
import type { IncidentStatus } from '../generated/prisma/enums';
import { type IncidentView, IncidentsService, type ResolveIncidentRequest } from './incidents.service';

const RESOLVE_BODY: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    action: {
      type: 'string',
      enum: ['reactivate', 'cancel'],
      description: 'For an incident that stopped a request: run it again (only when its stored state reads again) or cancel it',
    },
    comment: { type: 'string', maxLength: 1000 },
  },
};

function statusFilter(raw: string | undefined): IncidentStatus | null {
  if (raw === undefined || raw === '' || raw === 'all') return null;
  if (raw === 'open' || raw === 'resolved') return raw;
  throw new ValidationError('"status" must be open, resolved or all.', { fields: [{ field: 'status', message: 'open | resolved | all' }] });
}

@ApiTags('incidents')
@Controller('incidents')
export class IncidentsController {
  constructor(private readonly incidents: IncidentsService) {}

  @Get()
  @ApiOperation({ summary: 'Work that failed after its retries (timers, notifications, webhooks, child workflows)' })
  @ApiQuery({ name: 'status', required: false, enum: ['open', 'resolved', 'all'] })
  list(@CurrentPrincipal() principal: Principal, @Query('status') status?: string): Promise<{ items: IncidentView[] }> {
    return this.incidents.list(principal, statusFilter(status));
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resolve the incident and run its job again with fresh attempts' })
  retry(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<IncidentView> {
    return this.incidents.retry(principal, id);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark the incident handled without running its job again; for a stopped request, reactivate or cancel it' })
  resolve(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @JsonBody<ResolveIncidentRequest>(RESOLVE_BODY, { optional: true }) body: ResolveIncidentRequest,
  ): Promise<IncidentView> {
    return this.incidents.markResolved(principal, id, body);
  }
}
