import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { ResidencyKind } from '../generated/prisma/enums';
import { type ClaimedJob, type JobHandler, PermanentJobError } from '../jobs/job';
import { JobHandlerRegistry } from '../jobs/job-handler-registry';
import { payloadRecord, payloadString } from '../jobs/job-payload';
import { Clock } from '../timers/clock';
import { ResidencyRepository } from './residency.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `register_resident` jobs, from a definition's registerResident action (the move-in pack's last
 * step): the person becomes an owner or tenant of the unit. Company and estate come from the
 * instance, never from the payload; a unit outside the instance's estate or an unknown person
 * cannot be cured by retrying, so those fail at once into an incident saying why.
 */
@Injectable()
export class RegisterResidentJobHandler implements JobHandler, OnModuleInit {
  readonly kind = 'register_resident';

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly residencies: ResidencyRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async handle(job: ClaimedJob): Promise<void> {
    const instanceId = job.instanceId ?? payloadString(job.payload, 'instanceId');
    if (job.companyId === null || instanceId === null)
      throw new PermanentJobError('A register_resident job needs a company and an instance.');
    const companyId = job.companyId;
    const instance = await this.residencies.instance({ companyId, instanceId });
    if (instance === null) throw new PermanentJobError(`Instance ${instanceId} does not exist in this company.`);
    const unit = await this.unitInEstate({ companyId, estateId: instance.estateId, unitId: payloadString(job.payload, 'unitId') });
    const personId = await this.person({
      companyId,
      requesterPersonId: instance.requesterPersonId,
      person: payloadRecord(job.payload, 'person'),
    });
    const kind = residencyKindOf(payloadString(job.payload, 'residencyKind'));
    const moveInAt = this.moveInAt(payloadString(job.payload, 'moveInAt'));
    const outcome = await this.residencies.register({ companyId, estateId: instance.estateId, personId, unitId: unit.id, kind, moveInAt });
    // A rerun after a crash finds the residency active and records nothing twice.
    if (outcome.kind === 'unchanged') return;
    await this.audit.record({
      actor: { kind: 'system', id: null, companyId },
      action: 'resident.registered',
      target: { type: 'residency', id: outcome.residencyId },
      estateId: instance.estateId,
      detail: { instanceId, unitId: unit.id, personId, kind, reactivated: outcome.kind === 'reactivated', job: job.dedupeKey },
    });
  }

  private async unitInEstate(input: { companyId: string; estateId: string; unitId: string | null }): Promise<{ id: string }> {
    const { unitId } = input;
    if (unitId === null) throw new PermanentJobError('registerResident: the unit expression gave no unit id.');
    const unit = UUID.test(unitId) ? await this.residencies.unit({ companyId: input.companyId, unitId }) : null;
    if (unit === null || unit.estateId !== input.estateId)
      throw new PermanentJobError(`registerResident: unit "${unitId}" is not a unit of this instance's estate.`);
    return unit;
  }

  private async person(input: {
    companyId: string;
    requesterPersonId: string | null;
    person: Record<string, unknown> | null;
  }): Promise<string> {
    if (input.person?.['kind'] === 'requester') {
      if (input.requesterPersonId === null)
        throw new PermanentJobError(
          'registerResident: the instance was not started for a person (no requester), so there is nobody to register.',
        );
      return input.requesterPersonId;
    }
    const personId = input.person === null ? null : payloadString(input.person, 'personId');
    if (personId === null) throw new PermanentJobError('registerResident: the person expression gave no person id.');
    if (!UUID.test(personId) || !(await this.residencies.personExists({ companyId: input.companyId, personId })))
      throw new PermanentJobError(`registerResident: person "${personId}" does not exist in this company.`);
    return personId;
  }

  private moveInAt(value: string | null): Date {
    if (value === null) return this.clock.now();
    const at = new Date(value);
    if (Number.isNaN(at.getTime())) throw new PermanentJobError(`registerResident: move-in date "${value}" is not a date.`);
    return at;
  }
}

function residencyKindOf(value: string | null): ResidencyKind {
  if (value === 'owner' || value === 'tenant') return value;
  throw new PermanentJobError(`registerResident: unknown residency kind "${String(value)}".`);
}
