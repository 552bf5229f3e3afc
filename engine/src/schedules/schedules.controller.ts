import { Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { JsonBody, type JsonSchema } from '../common/json-body';
import { UuidParam } from '../common/uuid-param';
import { type ScheduleChange, type ScheduleRequest, type ScheduleView, SchedulesService } from './schedules.service';

const RULE: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['every', 'at'],
  properties: {
    every: { type: 'string', enum: ['day', 'week', 'month'] },
    at: { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' },
    day: { type: 'integer', minimum: 1, maximum: 31 },
  },
};
const CREATE_BODY: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['workflowKey', 'name', 'rule'],
  properties: {
    workflowKey: { type: 'string', pattern: '^[a-z][a-z0-9_-]{0,63}$' },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    rule: RULE,
    data: { type: 'object' },
    active: { type: 'boolean' },
  },
};
const UPDATE_BODY: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { name: { type: 'string', minLength: 1, maxLength: 200 }, rule: RULE, data: { type: 'object' }, active: { type: 'boolean' } },
};

@ApiTags('schedules')
@Controller()
export class SchedulesController {
  constructor(private readonly schedules: SchedulesService) {}

  @Get('estates/:estateId/schedules')
  @ApiOperation({ summary: "The estate's recurring workflows (e.g. the monthly inspection)" })
  list(@CurrentPrincipal() principal: Principal, @UuidParam('estateId') estateId: string): Promise<ScheduleView[]> {
    return this.schedules.list(principal, estateId);
  }

  @Post('estates/:estateId/schedules')
  @ApiOperation({ summary: 'Start a workflow every day, week or month at a local time' })
  create(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('estateId') estateId: string,
    @JsonBody<ScheduleRequest>(CREATE_BODY) body: ScheduleRequest,
  ): Promise<ScheduleView> {
    return this.schedules.create(principal, estateId, body);
  }

  @Put('schedules/:id')
  @ApiOperation({ summary: 'Change or pause a schedule' })
  update(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @JsonBody<ScheduleChange>(UPDATE_BODY) body: ScheduleChange,
  ): Promise<ScheduleView> {
    return this.schedules.update(principal, id, body);
  }

  @Delete('schedules/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a schedule' })
  remove(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string): Promise<void> {
    return this.schedules.remove(principal, id);
  }
}
