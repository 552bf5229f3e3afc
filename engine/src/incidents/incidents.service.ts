import { Injectable } from '@nestjs/common';
import { type Principal, rolesInEstate, visibleEstateIds, isCompanyWide } from '../auth/principal';
import { ConflictError, ForbiddenError, NotFoundError } from '../common/errors';
import type { IncidentStatus, StaffRole } from '../generated/prisma/enums';
import { Clock } from '../timers/clock';
import { type IncidentRow, IncidentsRepository } from './incidents.repository';

/** Who sees and handles incidents: the people who would otherwise hear about it from an angry owner. */
const INCIDENT_ROLES: readonly StaffRole[] = ['company_admin', 'estate_manager', 'engineering_supervisor'];

export interface IncidentView {
  id: string;
  kind: string;
  message: string;
  status: IncidentStatus;
  estateId: string | null;
  instance: { id: string; reference: string; title: string } | null;
  jobId: string | null;
  createdAt: string;
  resolvedAt: string | null;
  resolvedById: string | null;
}

/** Failed work that staff can see, retry or resolve (RELIABILITY 6). */
@Injectable()
export class IncidentsService {
  constructor(
    private readonly repository: IncidentsRepository,
    private readonly clock: Clock,
  ) {}

  async list(principal: Principal, status: IncidentStatus | null): Promise<{ items: IncidentView[] }> {
    const estateIds = this.handledEstates(principal);
    const rows = await this.repository.list({ companyId: principal.companyId, estateIds, status });
    return { items: await this.views(rows) };
  }

  async retry(principal: Principal, id: string): Promise<IncidentView> {
    return this.resolve({ principal, id, requeue: true });
  }

  async markResolved(principal: Principal, id: string): Promise<IncidentView> {
    return this.resolve({ principal, id, requeue: false });
  }

  private async resolve(input: { principal: Principal; id: string; requeue: boolean }): Promise<IncidentView> {
    const { principal, id } = input;
    const incident = await this.repository.find({ companyId: principal.companyId, id });
    if (!incident || !this.mayHandle(principal, incident)) throw new NotFoundError('The incident');
    if (principal.kind === 'person') throw new ForbiddenError('Only staff handle incidents.');
    if (input.requeue && incident.jobId === null) throw new ConflictError('This incident has no job to retry; resolve it instead.');
    const changed = await this.repository.resolve({
      companyId: principal.companyId,
      id,
      byId: principal.userId,
      now: this.clock.now(),
      requeue: input.requeue,
    });
    if (!changed) throw new ConflictError('This incident was already resolved.');
    const updated = await this.repository.find({ companyId: principal.companyId, id });
    if (!updated) throw new NotFoundError('The incident');
    const [view] = await this.views([updated]);
    if (!view) throw new NotFoundError('The incident');
    return view;
  }

  /** The estates whose incidents the principal handles (null = all, including company-level ones). */
  private handledEstates(principal: Principal): string[] | null {
    if (principal.kind === 'person') throw new ForbiddenError('Only staff see incidents.');
    if (isCompanyWide(principal) && principal.roles.some((role) => role.estateId === null && INCIDENT_ROLES.includes(role.role)))
      return null;
    const visible = visibleEstateIds(principal) ?? [];
    const handled = visible.filter((estateId) => rolesInEstate(principal, estateId).some((role) => INCIDENT_ROLES.includes(role)));
    if (handled.length === 0) throw new ForbiddenError('Incidents are for estate managers, engineering supervisors and company admins.');
    return handled;
  }

  private mayHandle(principal: Principal, incident: IncidentRow): boolean {
    if (principal.kind === 'person') return false;
    if (incident.estateId === null) return principal.roles.some((role) => role.estateId === null && INCIDENT_ROLES.includes(role.role));
    return rolesInEstate(principal, incident.estateId).some((role) => INCIDENT_ROLES.includes(role));
  }

  private async views(rows: IncidentRow[]): Promise<IncidentView[]> {
    const instanceIds = [...new Set(rows.flatMap((row) => (row.instanceId === null ? [] : [row.instanceId])))];
    const references = new Map((await this.repository.references(instanceIds)).map((instance) => [instance.id, instance]));
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      message: row.message,
      status: row.status,
      estateId: row.estateId,
      instance: row.instanceId === null ? null : (references.get(row.instanceId) ?? null),
      jobId: row.jobId === null ? null : row.jobId.toString(),
      createdAt: row.createdAt.toISOString(),
      resolvedAt: row.resolvedAt?.toISOString() ?? null,
      resolvedById: row.resolvedById,
    }));
  }
}
