import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { KeepsPrincipals } from '../auth/keeps-principals.decorator';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ValidationError } from '../common/errors';
import { JsonBody, type JsonSchema } from '../common/json-body';
import { UuidParam } from '../common/uuid-param';
import type { TaskStatus } from '../generated/prisma/enums';
import type { TaskSummary } from '../instances/instance-view';
import { TasksService, type TaskInbox, type TaskScope } from './tasks.service';

const reassignBody: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['userId'],
  properties: { userId: { type: 'string', format: 'uuid' } },
};
const SCOPES: readonly TaskScope[] = ['mine', 'team', 'all'];
const STATUSES: readonly TaskStatus[] = ['open', 'claimed', 'done', 'cancelled'];

function oneOf<T extends string>(raw: string | undefined, input: { name: string; allowed: readonly T[] }): T | undefined {
  if (raw === undefined || raw === '') return undefined;
  const found = input.allowed.find((value) => value === raw);
  if (found === undefined)
    throw new ValidationError(`"${input.name}" must be one of ${input.allowed.join(', ')}.`, {
      fields: [{ field: input.name, message: input.allowed.join(', ') }],
    });
  return found;
}

function page(raw: string | undefined, input: { name: string; fallback: number; max: number }): number {
  if (raw === undefined || raw === '') return input.fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > input.max)
    throw new ValidationError(`"${input.name}" must be a whole number from 1 to ${input.max}.`, {
      fields: [{ field: input.name, message: `1–${input.max}` }],
    });
  return value;
}

@ApiTags('tasks')
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @ApiOperation({
    summary:
      "The task inbox: mine, my team's, or all in my estates; overdue first; counts per tab; each task with its state label and workflow name",
  })
  inbox(
    @CurrentPrincipal() principal: Principal,
    @Query('estateId') estateId?: string,
    @Query('scope') scope?: string,
    @Query('status') status?: string,
    @Query('overdue') overdue?: string,
    @Query('workflowKey') workflowKey?: string,
    @Query('state') state?: string,
    @Query('buildingId') buildingId?: string,
    @Query('category') category?: string,
    @Query('q') q?: string,
    @Query('page') pageNumber?: string,
    @Query('pageSize') pageSize?: string,
  ): Promise<TaskInbox> {
    if (estateId !== undefined && !/^[0-9a-f-]{36}$/i.test(estateId))
      throw new ValidationError('"estateId" must be an estate id.', { fields: [{ field: 'estateId', message: 'an estate id' }] });
    if (buildingId !== undefined && buildingId !== '' && !/^[0-9a-f-]{36}$/i.test(buildingId))
      throw new ValidationError('"buildingId" must be a building id.', { fields: [{ field: 'buildingId', message: 'a building id' }] });
    const statusValue = oneOf(status, { name: 'status', allowed: STATUSES });
    return this.tasks.inbox(principal, {
      scope: oneOf(scope, { name: 'scope', allowed: SCOPES }) ?? 'mine',
      overdue: overdue === 'true' || overdue === '1',
      page: page(pageNumber, { name: 'page', fallback: 1, max: 100_000 }),
      pageSize: page(pageSize, { name: 'pageSize', fallback: 20, max: 100 }),
      ...(estateId === undefined ? {} : { estateId }),
      ...(statusValue === undefined ? {} : { status: statusValue }),
      ...(workflowKey === undefined || workflowKey === '' ? {} : { workflowKey }),
      ...(state === undefined || state === '' ? {} : { state: state.slice(0, 200) }),
      ...(buildingId === undefined || buildingId === '' ? {} : { buildingId }),
      ...(category === undefined || category === '' ? {} : { category: category.slice(0, 100) }),
      ...(q === undefined || q === '' ? {} : { q: q.slice(0, 200) }),
    });
  }

  @Post(':id/claim')
  @KeepsPrincipals()
  @HttpCode(200)
  @ApiOperation({ summary: 'Take a task from the team inbox; 409 when someone else took it first' })
  claim(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string): Promise<TaskSummary> {
    return this.tasks.claim(principal, id);
  }

  @Post(':id/release')
  @KeepsPrincipals()
  @HttpCode(200)
  @ApiOperation({ summary: 'Give a claimed task back to the team' })
  release(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string): Promise<TaskSummary> {
    return this.tasks.release(principal, id);
  }

  @Post(':id/reassign')
  @KeepsPrincipals()
  @HttpCode(200)
  @ApiOperation({ summary: 'Hand a task to another staff member of the estate' })
  reassign(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @JsonBody(reassignBody) body: { userId: string },
  ): Promise<TaskSummary> {
    return this.tasks.reassign(principal, { taskId: id, userId: body.userId });
  }
}
