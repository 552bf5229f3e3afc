import { Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { KeepsPrincipals } from '../auth/keeps-principals.decorator';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ValidationError } from '../common/errors';
import { JsonBody, type JsonSchema } from '../common/json-body';
import { UuidParam } from '../common/uuid-param';
import type { InstanceStatus } from '../generated/prisma/enums';
import { IdempotencyKey, readIdempotencyKey } from './idempotency-key';
import { InstanceEventService } from './instance-event.service';
import { InstanceQueryService, type InstanceSummary, type StartableWorkflow } from './instance-query.service';
import { InstanceStartService } from './instance-start.service';
import type { InstanceView } from './instance-view';
import { PersonalValuesService } from './personal-values.service';

const startBody: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['workflowKey', 'data'],
  properties: {
    workflowKey: { type: 'string', pattern: '^[a-z][a-z0-9_-]{0,63}$' },
    data: { type: 'object', description: "The start form's data (422 per field when it does not fit)" },
    unitId: { type: 'string', format: 'uuid' },
    requesterPersonId: { type: 'string', format: 'uuid' },
  },
};

const eventBody: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['type'],
  properties: {
    type: { type: 'string', pattern: '^[A-Z][A-Z0-9_]{0,63}$' },
    data: { type: 'object', description: "The event's form data (422 per field when it does not fit)" },
    expectedVersion: { type: 'integer', minimum: 1 },
    comment: { type: 'string', maxLength: 2000 },
  },
};

const unmaskBody: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['reason'],
  // A field of the instance's data, or the comment of one of its log entries (one of the two).
  properties: {
    path: {
      type: 'string',
      pattern: '^(/[^/]{1,64}){1,8}$',
      description: 'JSON pointer of the field in the instance\'s data, e.g. "/contactPhone" or "/description"',
    },
    seq: { type: 'integer', minimum: 1, description: 'The timeline entry whose comment to read in full' },
    reason: { type: 'string', minLength: 2, maxLength: 200 },
  },
};

const STATUSES: readonly InstanceStatus[] = ['active', 'completed', 'cancelled', 'incident'];

function positiveInteger(raw: string | undefined, input: { name: string; fallback: number; max: number }): number {
  if (raw === undefined || raw === '') return input.fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > input.max)
    throw new ValidationError(`"${input.name}" must be a whole number from 1 to ${input.max}.`, {
      fields: [{ field: input.name, message: `1–${input.max}` }],
    });
  return value;
}

function statusOf(raw: string | undefined): InstanceStatus | undefined {
  if (raw === undefined || raw === '') return undefined;
  const found = STATUSES.find((status) => status === raw);
  if (found === undefined)
    throw new ValidationError(`"status" must be one of ${STATUSES.join(', ')}.`, {
      fields: [{ field: 'status', message: STATUSES.join(', ') }],
    });
  return found;
}

function optionalText(raw: string | undefined): string | undefined {
  return raw === undefined || raw === '' ? undefined : raw.slice(0, 200);
}

@ApiTags('instances')
@Controller()
export class InstancesController {
  constructor(
    private readonly events: InstanceEventService,
    private readonly starts: InstanceStartService,
    private readonly queries: InstanceQueryService,
    private readonly personalValues: PersonalValuesService,
  ) {}

  @Get('estates/:estateId/workflows')
  @ApiOperation({ summary: 'The workflows the caller may start in this estate, with their start forms' })
  startable(@CurrentPrincipal() principal: Principal, @UuidParam('estateId') estateId: string): Promise<StartableWorkflow[]> {
    return this.queries.startable(principal, estateId);
  }

  @Post('estates/:estateId/instances')
  @KeepsPrincipals()
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'Start an instance (201 Instance); a retry with the same Idempotency-Key returns the first reply' })
  async start(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('estateId') estateId: string,
    @JsonBody(startBody) body: { workflowKey: string; data: Record<string, unknown>; unitId?: string; requesterPersonId?: string },
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<unknown> {
    const idempotencyKey = readIdempotencyKey(key);
    const reply = await this.starts.startByCaller(principal, {
      estateId,
      ...body,
      ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    });
    response.status(reply.status);
    return reply.body;
  }

  @Post('instances/:id/events')
  @KeepsPrincipals()
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'Send an event (200 Instance); 409 stale or not allowed in this state, 403 not your role, 422 form errors' })
  async sendEvent(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @JsonBody(eventBody) body: { type: string; data?: Record<string, unknown>; expectedVersion?: number; comment?: string },
    @IdempotencyKey() key: string | undefined,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<unknown> {
    const idempotencyKey = readIdempotencyKey(key);
    const reply = await this.events.sendEvent(principal, {
      instanceId: id,
      type: body.type,
      data: body.data ?? {},
      ...(body.expectedVersion === undefined ? {} : { expectedVersion: body.expectedVersion }),
      ...(body.comment === undefined ? {} : { comment: body.comment }),
      ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    });
    response.status(reply.status);
    return reply.body;
  }

  @Get('instances/:id')
  @ApiOperation({ summary: 'One instance: state, progress, tasks, timeline, and the events this caller may send' })
  get(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string): Promise<InstanceView> {
    return this.queries.get(principal, id);
  }

  @Post('instances/:id/unmask')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'The full phone (admin, manager, front desk, the assigned staff member, the requester) or ID number (admin) typed into a form field, or free text or a comment with them in full; audited',
  })
  unmask(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @JsonBody(unmaskBody) body: { path?: string; seq?: number; reason: string },
  ): Promise<{ path: string; kind: string; value: string } | { seq: number; kind: string; value: string }> {
    if (body.seq !== undefined && body.path === undefined)
      return this.personalValues.unmaskComment({ principal, instanceId: id, seq: body.seq, reason: body.reason });
    if (body.path !== undefined && body.seq === undefined)
      return this.personalValues.unmask({ principal, instanceId: id, path: body.path, reason: body.reason });
    throw new ValidationError('Name either the field ("path") or the timeline entry whose comment to read ("seq"), not both.', {
      fields: [{ field: 'path', message: 'either path or seq' }],
    });
  }

  @Get('instances')
  @ApiOperation({ summary: 'Instances the caller may see, newest activity first (owners: only their own requests)' })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query('estateId') estateId?: string,
    @Query('workflowKey') workflowKey?: string,
    @Query('state') state?: string,
    @Query('status') status?: string,
    @Query('q') q?: string,
    @Query('page') page?: string,
    @Query('pageSize') pageSize?: string,
    @Query('mine') mine?: string,
  ): Promise<{ items: InstanceSummary[]; total: number; page: number; pageSize: number }> {
    if (estateId !== undefined && !/^[0-9a-f-]{36}$/i.test(estateId))
      throw new ValidationError('"estateId" must be an estate id.', { fields: [{ field: 'estateId', message: 'an estate id' }] });
    const statusValue = statusOf(status);
    const query = {
      page: positiveInteger(page, { name: 'page', fallback: 1, max: 100_000 }),
      pageSize: positiveInteger(pageSize, { name: 'pageSize', fallback: 20, max: 100 }),
      mine: mine === 'true' || mine === '1',
      ...(estateId === undefined ? {} : { estateId }),
      ...(optionalText(workflowKey) === undefined ? {} : { workflowKey: optionalText(workflowKey) }),
      ...(optionalText(state) === undefined ? {} : { state: optionalText(state) }),
      ...(statusValue === undefined ? {} : { status: statusValue }),
      ...(optionalText(q) === undefined ? {} : { q: optionalText(q) }),
    };
    return this.queries.list(principal, query);
  }
}
