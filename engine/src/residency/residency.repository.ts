import { Injectable } from '@nestjs/common';
import { TenantDatabase } from '../database/tenant-database.service';
import type { ResidencyKind } from '../generated/prisma/enums';

/** What a registration did: a new residency, an ended one reopened, or nothing (already a resident). */
export type RegistrationOutcome = { kind: 'created' | 'reactivated'; residencyId: string } | { kind: 'unchanged'; residencyId: string };

/** Residencies written by workflows (a move-in's registerResident action), in tenant transactions. */
@Injectable()
export class ResidencyRepository {
  constructor(private readonly database: TenantDatabase) {}

  instance(input: {
    companyId: string;
    instanceId: string;
  }): Promise<{ id: string; estateId: string; requesterPersonId: string | null } | null> {
    return this.database.transaction(input.companyId, (tx) =>
      tx.instance.findFirst({
        where: { id: input.instanceId, companyId: input.companyId },
        select: { id: true, estateId: true, requesterPersonId: true },
      }),
    );
  }

  unit(input: { companyId: string; unitId: string }): Promise<{ id: string; estateId: string; label: string } | null> {
    return this.database.transaction(input.companyId, (tx) =>
      tx.unit.findFirst({ where: { id: input.unitId, companyId: input.companyId }, select: { id: true, estateId: true, label: true } }),
    );
  }

  personExists(input: { companyId: string; personId: string }): Promise<boolean> {
    return this.database.transaction(input.companyId, async (tx) => {
      const person = await tx.person.findFirst({ where: { id: input.personId, companyId: input.companyId }, select: { id: true } });
      return person !== null;
    });
  }

  /**
   * Creates the residency, or reopens an ended one of the same person, unit and kind, and clears
   * the person's "left" mark. An active residency is left as it is, so a rerun changes nothing.
   */
  register(input: {
    companyId: string;
    estateId: string;
    personId: string;
    unitId: string;
    kind: ResidencyKind;
    moveInAt: Date;
  }): Promise<RegistrationOutcome> {
    const { companyId, estateId, personId, unitId, kind, moveInAt } = input;
    return this.database.transaction(companyId, async (tx) => {
      const existing = await tx.residency.findFirst({
        where: { companyId, personId, unitId, kind },
        select: { id: true, endedAt: true },
      });
      let outcome: RegistrationOutcome;
      if (existing === null) {
        const created = await tx.residency.create({
          data: { companyId, estateId, personId, unitId, kind, moveInAt },
          select: { id: true },
        });
        outcome = { kind: 'created', residencyId: created.id };
      } else if (existing.endedAt !== null) {
        await tx.residency.updateMany({ where: { id: existing.id, companyId }, data: { endedAt: null, moveInAt } });
        outcome = { kind: 'reactivated', residencyId: existing.id };
      } else {
        outcome = { kind: 'unchanged', residencyId: existing.id };
      }
      await tx.person.updateMany({ where: { id: personId, companyId, leftAt: { not: null } }, data: { leftAt: null } });
      return outcome;
    });
  }
}
