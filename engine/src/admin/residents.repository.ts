import { Injectable } from '@nestjs/common';
import { TenantDatabase } from '../database/tenant-database.service';
import type { ResidencyKind } from '../generated/prisma/enums';

export interface ResidentRow {
  id: string;
  name: string;
  phoneCipher: string;
  idNumberCipher: string | null;
  leftAt: Date | null;
  residencies: {
    id: string;
    unitId: string;
    estateId: string;
    kind: ResidencyKind;
    moveInAt: Date | null;
    endedAt: Date | null;
    unit: { label: string };
  }[];
}

const RESIDENT_SELECT = {
  id: true,
  name: true,
  phoneCipher: true,
  idNumberCipher: true,
  leftAt: true,
  residencies: {
    select: { id: true, unitId: true, estateId: true, kind: true, moveInAt: true, endedAt: true, unit: { select: { label: true } } },
    orderBy: { createdAt: 'asc' },
  },
} as const;

export interface NewResidency {
  unitId: string;
  estateId: string;
  kind: ResidencyKind;
  moveInAt: Date | null;
}

/** Owners and tenants (Person) and where they live (Residency), in tenant transactions. */
@Injectable()
export class ResidentsRepository {
  constructor(private readonly database: TenantDatabase) {}

  /** People with a residency in the estate, by name, unit label or exact phone index. */
  list(input: {
    companyId: string;
    estateId: string;
    q: string | null;
    phoneIndexes: string[] | null;
    includeLeft: boolean;
    page: number;
    pageSize: number;
  }): Promise<{ rows: ResidentRow[]; total: number }> {
    return this.database.transaction(input.companyId, async (tx) => {
      const where = {
        companyId: input.companyId,
        ...(input.includeLeft ? {} : { leftAt: null }),
        ...(input.phoneIndexes === null ? {} : { phoneIndex: { in: input.phoneIndexes } }),
        residencies: { some: { estateId: input.estateId, ...(input.includeLeft ? {} : { endedAt: null }) } },
        ...(input.q === null
          ? {}
          : {
              OR: [
                { name: { contains: input.q } },
                { residencies: { some: { estateId: input.estateId, unit: { label: { contains: input.q } } } } },
              ],
            }),
      };
      const [rows, total] = await Promise.all([
        tx.person.findMany({
          where,
          select: RESIDENT_SELECT,
          orderBy: [{ name: 'asc' }, { id: 'asc' }],
          skip: (input.page - 1) * input.pageSize,
          take: input.pageSize,
        }),
        tx.person.count({ where }),
      ]);
      return { rows, total };
    });
  }

  find(input: { companyId: string; id: string }): Promise<ResidentRow | null> {
    return this.database.transaction(input.companyId, (tx) =>
      tx.person.findFirst({ where: { id: input.id, companyId: input.companyId }, select: RESIDENT_SELECT }),
    );
  }

  /** Estate of each unit id that belongs to the company; units of other companies are simply absent. */
  unitEstates(input: { companyId: string; unitIds: string[] }): Promise<Map<string, string>> {
    return this.database.transaction(input.companyId, async (tx) => {
      const rows = await tx.unit.findMany({
        where: { companyId: input.companyId, id: { in: input.unitIds } },
        select: { id: true, estateId: true },
      });
      return new Map(rows.map((row) => [row.id, row.estateId]));
    });
  }

  create(input: {
    companyId: string;
    name: string;
    phoneCipher: string;
    phoneIndex: string;
    idNumberCipher: string | null;
    idNumberIndex: string | null;
    residencies: NewResidency[];
  }): Promise<ResidentRow> {
    const { residencies, ...person } = input;
    return this.database.transaction(input.companyId, (tx) =>
      tx.person.create({
        data: { ...person, residencies: { create: residencies.map((residency) => ({ companyId: input.companyId, ...residency })) } },
        select: RESIDENT_SELECT,
      }),
    );
  }

  update(input: {
    companyId: string;
    id: string;
    changes: { name?: string; phoneCipher?: string; phoneIndex?: string; idNumberCipher?: string | null; idNumberIndex?: string | null };
  }): Promise<void> {
    return this.database.transaction(input.companyId, async (tx) => {
      await tx.person.updateMany({ where: { id: input.id, companyId: input.companyId }, data: input.changes });
    });
  }

  /** Adds a residency (or reopens an ended one of the same kind) and clears "left". */
  addResidency(input: { companyId: string; personId: string; residency: NewResidency }): Promise<void> {
    return this.database.transaction(input.companyId, async (tx) => {
      await tx.residency.upsert({
        where: { personId_unitId_kind: { personId: input.personId, unitId: input.residency.unitId, kind: input.residency.kind } },
        create: { companyId: input.companyId, personId: input.personId, ...input.residency },
        update: { endedAt: null, moveInAt: input.residency.moveInAt },
      });
      await tx.person.updateMany({ where: { id: input.personId, companyId: input.companyId }, data: { leftAt: null } });
    });
  }

  findResidency(input: {
    companyId: string;
    id: string;
  }): Promise<{ id: string; personId: string; estateId: string; endedAt: Date | null } | null> {
    return this.database.transaction(input.companyId, (tx) =>
      tx.residency.findFirst({
        where: { id: input.id, companyId: input.companyId },
        select: { id: true, personId: true, estateId: true, endedAt: true },
      }),
    );
  }

  /** Ends a residency; a person with no residency left is marked as left (the retention clock starts). */
  endResidency(input: { companyId: string; id: string; personId: string; at: Date }): Promise<{ personLeft: boolean }> {
    return this.database.transaction(input.companyId, async (tx) => {
      await tx.residency.updateMany({ where: { id: input.id, companyId: input.companyId, endedAt: null }, data: { endedAt: input.at } });
      const active = await tx.residency.count({ where: { personId: input.personId, companyId: input.companyId, endedAt: null } });
      if (active === 0)
        await tx.person.updateMany({ where: { id: input.personId, companyId: input.companyId, leftAt: null }, data: { leftAt: input.at } });
      return { personLeft: active === 0 };
    });
  }
}
