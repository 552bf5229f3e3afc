import { Injectable } from '@nestjs/common';
import { type Principal, rolesInEstate } from '../auth/principal';
import { ForbiddenError, NotFoundError, ValidationError } from '../common/errors';
import { Clock } from '../timers/clock';
import { nextScheduleRun } from './next-schedule-run';
import { parseScheduleRule, type ScheduleRule, ScheduleRuleError } from './schedule-rule';
import { type ScheduleRow, SchedulesRepository } from './schedules.repository';

export interface ScheduleView {
  id: string;
  estateId: string;
  workflowKey: string;
  name: string;
  rule: unknown;
  data: unknown;
  nextRunAt: string;
  active: boolean;
  /** The estate's time zone: the rule's time of day is local to it. */
  timezone: string;
}

export interface ScheduleRequest {
  workflowKey: string;
  name: string;
  rule: ScheduleRule;
  data?: Record<string, unknown>;
  active?: boolean;
}

export type ScheduleChange = Partial<Omit<ScheduleRequest, 'workflowKey'>>;

function view(row: ScheduleRow, timezone: string): ScheduleView {
  return {
    id: row.id,
    estateId: row.estateId,
    workflowKey: row.workflowKey,
    name: row.name,
    rule: row.rule,
    data: row.data,
    nextRunAt: row.nextRunAt.toISOString(),
    active: row.active,
    timezone,
  };
}

function rule(value: unknown): ScheduleRule {
  try {
    return parseScheduleRule(value);
  } catch (error) {
    if (error instanceof ScheduleRuleError)
      throw new ValidationError(error.message, { fields: [{ field: 'rule', message: error.message }] });
    throw error;
  }
}

/** Who may do what with an estate's schedules, and what the others are told. */
const MANAGERS = {
  roles: new Set(['company_admin', 'estate_manager']),
  refusal: 'Schedules are managed by estate managers and company admins.',
};
const READERS = {
  roles: new Set([...MANAGERS.roles, 'engineering_supervisor']),
  refusal: 'Schedules are seen by estate managers, engineering supervisors and company admins.',
};

/** Recurring workflows per estate (monthly inspections), managed by estate managers and company admins. */
@Injectable()
export class SchedulesService {
  constructor(
    private readonly repository: SchedulesRepository,
    private readonly clock: Clock,
  ) {}

  /** Engineering supervisors read them too: they run the rounds and print their checkpoints' labels. */
  async list(principal: Principal, estateId: string): Promise<ScheduleView[]> {
    const { timezone } = await this.assertMay(principal, estateId, READERS);
    return (await this.repository.list({ companyId: principal.companyId, estateId })).map((row) => view(row, timezone));
  }

  async create(principal: Principal, estateId: string, request: ScheduleRequest): Promise<ScheduleView> {
    const { timezone } = await this.assertManages(principal, estateId);
    const parsed = rule(request.rule);
    const row = await this.repository.create({
      companyId: principal.companyId,
      estateId,
      workflowKey: request.workflowKey,
      name: request.name,
      rule: parsed,
      data: request.data ?? {},
      nextRunAt: nextScheduleRun({ rule: parsed, after: this.clock.now(), timezone }),
      active: request.active ?? true,
    });
    return view(row, timezone);
  }

  async update(principal: Principal, id: string, change: ScheduleChange): Promise<ScheduleView> {
    const existing = await this.repository.find({ companyId: principal.companyId, id });
    if (!existing) throw new NotFoundError('That schedule');
    const { timezone } = await this.assertManages(principal, existing.estateId);
    const parsed = change.rule === undefined ? undefined : rule(change.rule);
    const row = await this.repository.update({
      companyId: principal.companyId,
      id,
      changes: {
        ...(change.name === undefined ? {} : { name: change.name }),
        ...(change.data === undefined ? {} : { data: change.data }),
        ...(change.active === undefined ? {} : { active: change.active }),
        ...(parsed === undefined ? {} : { rule: parsed, nextRunAt: nextScheduleRun({ rule: parsed, after: this.clock.now(), timezone }) }),
      },
    });
    if (!row) throw new NotFoundError('That schedule');
    return view(row, timezone);
  }

  async remove(principal: Principal, id: string): Promise<void> {
    const existing = await this.repository.find({ companyId: principal.companyId, id });
    if (!existing) throw new NotFoundError('That schedule');
    await this.assertManages(principal, existing.estateId);
    await this.repository.remove({ companyId: principal.companyId, id });
  }

  private assertManages(principal: Principal, estateId: string): Promise<{ timezone: string }> {
    return this.assertMay(principal, estateId, MANAGERS);
  }

  private async assertMay(
    principal: Principal,
    estateId: string,
    may: { roles: ReadonlySet<string>; refusal: string },
  ): Promise<{ timezone: string }> {
    const estate = await this.repository.estate({ companyId: principal.companyId, estateId });
    const roles = rolesInEstate(principal, estateId);
    if (!estate || roles.length === 0) throw new NotFoundError('That estate');
    if (!roles.some((role) => may.roles.has(role))) throw new ForbiddenError(may.refusal);
    return estate;
  }
}
