import { Injectable } from '@nestjs/common';
import { checkSnapshot, compileMachine, IncompatibleSnapshotError } from '@estateflow/model';
import { AuditService, auditActorOf } from '../audit/audit.service';
import { type Principal, rolesInEstate, visibleEstateIds, isCompanyWide } from '../auth/principal';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../common/errors';
import { BrokenVersionError, CompiledVersionCache } from '../definitions/compiled-version.cache';
import type { IncidentStatus, StaffRole } from '../generated/prisma/enums';
import { Clock } from '../timers/clock';
import { type IncidentRow, IncidentsRepository } from './incidents.repository';

/** Who sees and handles incidents: the people who would otherwise hear about it from an angry owner. */
const INCIDENT_ROLES: readonly StaffRole[] = ['company_admin', 'estate_manager', 'engineering_supervisor'];

/** POST /incidents/{id}/resolve: what to do with the instance an incident stopped. */
export interface ResolveIncidentRequest {
  action?: 'reactivate' | 'cancel';
  comment?: string;
}

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
    private readonly versions: CompiledVersionCache,
    private readonly audit: AuditService,
  ) {}

  async list(principal: Principal, status: IncidentStatus | null): Promise<{ items: IncidentView[] }> {
    const estateIds = this.handledEstates(principal);
    const rows = await this.repository.list({ companyId: principal.companyId, estateIds, status });
    return { items: await this.views(rows) };
  }

  async retry(principal: Principal, id: string): Promise<IncidentView> {
    return this.resolve({ principal, id, requeue: true });
  }

  /**
   * Marks a job's incident handled; an incident that stopped an instance (the event pipeline found
   * its snapshot unreadable: no job behind it) needs an action for that instance — reactivate it
   * once its snapshot reads again, or cancel it.
   */
  async markResolved(principal: Principal, id: string, request: ResolveIncidentRequest = {}): Promise<IncidentView> {
    const incident = await this.repository.find({ companyId: principal.companyId, id });
    if (!incident || !this.mayHandle(principal, incident)) throw new NotFoundError('The incident');
    if (principal.kind === 'person') throw new ForbiddenError('Only staff handle incidents.');
    const stopsInstance = incident.jobId === null && incident.instanceId !== null;
    if (!stopsInstance) {
      if (request.action !== undefined) throw new ConflictError('This incident did not stop a request; resolve it without an action.');
      return this.resolve({ principal, id, requeue: false });
    }
    if (incident.status !== 'open') throw new ConflictError('This incident was already resolved.');
    if (request.action === undefined) {
      throw new ValidationError('This incident stopped a request: say whether to reactivate or cancel it.', {
        fields: [{ field: 'action', message: 'reactivate | cancel' }],
      });
    }
    const instance =
      incident.instanceId === null
        ? null
        : await this.repository.stoppedInstance({ companyId: principal.companyId, instanceId: incident.instanceId });
    if (instance === null) throw new NotFoundError('The request of this incident');
    if (instance.status !== 'incident') throw new ConflictError(`The request is ${instance.status}, not stopped by an incident.`);
    if (request.action === 'reactivate')
      await this.checkReadable({ companyId: principal.companyId, versionId: instance.versionId, snapshot: instance.snapshot });
    const changed = await this.repository.resolveStoppedInstance({
      companyId: principal.companyId,
      id,
      instanceId: instance.id,
      version: instance.version,
      action: request.action,
      byId: principal.userId,
      byName: principal.name,
      comment: request.comment ?? null,
      now: this.clock.now(),
    });
    if (!changed) throw new ConflictError('This incident or its request changed just now; reload and try again.');
    await this.audit.record({
      actor: auditActorOf(principal),
      action: request.action === 'reactivate' ? 'incident.reactivate' : 'incident.cancel_instance',
      target: { type: 'instance', id: instance.id },
      ...(incident.estateId === null ? {} : { estateId: incident.estateId }),
      detail: { incidentId: id, comment: request.comment ?? null },
    });
    return this.view(principal.companyId, id);
  }

  /** Reactivating is only safe when the stored snapshot fits its workflow version again. */
  private async checkReadable(input: { companyId: string; versionId: string; snapshot: unknown }): Promise<void> {
    try {
      const compiled = await this.versions.get(input.companyId, input.versionId);
      checkSnapshot(compileMachine(compiled.definition), input.snapshot);
    } catch (error) {
      if (error instanceof IncompatibleSnapshotError || error instanceof BrokenVersionError) {
        throw new ConflictError(
          `The request cannot run again yet: ${error.message}. Repair its stored state or workflow version, or cancel it.`,
          { reason: 'snapshot_unreadable' },
        );
      }
      throw error;
    }
  }

  private async view(companyId: string, id: string): Promise<IncidentView> {
    const updated = await this.repository.find({ companyId, id });
    if (!updated) throw new NotFoundError('The incident');
    const [view] = await this.views([updated]);
    if (!view) throw new NotFoundError('The incident');
    return view;
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
    return this.view(principal.companyId, id);
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
