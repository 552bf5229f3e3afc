import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../database/database.service';
import type { EstateKind, StaffRole } from '../generated/prisma/enums';

export interface PersonRow {
  id: string;
  name: string;
  phoneCipher: string;
  idNumberCipher: string | null;
  residencies: { kind: 'owner' | 'tenant'; unit: { id: string; label: string; estateId: string } }[];
}

const PERSON_SELECT = {
  id: true,
  name: true,
  phoneCipher: true,
  idNumberCipher: true,
  residencies: {
    where: { endedAt: null },
    select: { kind: true, unit: { select: { id: true, label: true, estateId: true } } },
    orderBy: { createdAt: 'asc' },
  },
} as const;

/** Lookups of estates, units, staff and people; every query carries the company. */
@Injectable()
export class PeopleRepository {
  constructor(private readonly database: DatabaseService) {}

  estates(input: {
    companyId: string;
    ids: string[] | null;
  }): Promise<{ id: string; code: string; name: string; kind: EstateKind; address: string | null; timezone: string }[]> {
    return this.database.prisma.estate.findMany({
      where: { companyId: input.companyId, ...(input.ids === null ? {} : { id: { in: input.ids } }) },
      select: { id: true, code: true, name: true, kind: true, address: true, timezone: true },
      orderBy: { createdAt: 'asc' },
    });
  }

  async estateExists(input: { companyId: string; estateId: string }): Promise<boolean> {
    return (await this.database.prisma.estate.count({ where: { id: input.estateId, companyId: input.companyId } })) === 1;
  }

  /** People living (now) in an estate, filtered by blind-indexed phone and/or unit. */
  async people(input: {
    companyId: string;
    estateId: string;
    phoneIndexes: string[] | null;
    unitId: string | null;
    unitLabel: string | null;
    limit: number;
  }): Promise<PersonRow[]> {
    // Units by label first: a relation filter through residencies to units makes a far slower plan.
    const unitIds =
      input.unitLabel === null
        ? null
        : (
            await this.database.prisma.unit.findMany({
              where: { companyId: input.companyId, estateId: input.estateId, label: { contains: input.unitLabel } },
              select: { id: true },
            })
          ).map((unit) => unit.id);
    return this.database.prisma.person.findMany({
      where: {
        companyId: input.companyId,
        leftAt: null,
        ...(input.phoneIndexes === null ? {} : { phoneIndex: { in: input.phoneIndexes } }),
        residencies: {
          some: {
            companyId: input.companyId,
            estateId: input.estateId,
            endedAt: null,
            ...(input.unitId === null ? {} : { unitId: input.unitId }),
            ...(unitIds === null ? {} : { unitId: { in: unitIds } }),
          },
        },
      },
      select: PERSON_SELECT,
      orderBy: { name: 'asc' },
      take: input.limit,
    });
  }

  person(input: { companyId: string; personId: string }): Promise<PersonRow | null> {
    return this.database.prisma.person.findFirst({ where: { id: input.personId, companyId: input.companyId }, select: PERSON_SELECT });
  }

  /** Staff holding a role in the estate, directly or company-wide. */
  async staff(input: {
    companyId: string;
    estateId: string;
    role: StaffRole | null;
  }): Promise<{ id: string; name: string; roles: StaffRole[] }[]> {
    const users = await this.database.prisma.staffUser.findMany({
      where: {
        companyId: input.companyId,
        active: true,
        roles: { some: { OR: [{ estateId: input.estateId }, { estateId: null }], ...(input.role === null ? {} : { role: input.role }) } },
      },
      select: {
        id: true,
        name: true,
        roles: { where: { OR: [{ estateId: input.estateId }, { estateId: null }] }, select: { role: true } },
      },
      orderBy: { name: 'asc' },
    });
    return users.map((user) => ({ id: user.id, name: user.name, roles: [...new Set(user.roles.map((held) => held.role))] }));
  }

  /** `unitIds`: only these (an owner's or tenant's own units); null: any unit of the estate. */
  units(input: { companyId: string; estateId: string; q: string | null; limit: number; unitIds: string[] | null }) {
    return this.database.prisma.unit.findMany({
      where: {
        companyId: input.companyId,
        estateId: input.estateId,
        ...(input.q === null ? {} : { label: { contains: input.q } }),
        ...(input.unitIds === null ? {} : { id: { in: input.unitIds } }),
      },
      select: { id: true, label: true, entrance: true, floor: true, room: true, building: { select: { id: true, name: true } } },
      orderBy: [{ label: 'asc' }],
      take: input.limit,
    });
  }

  /** The estate's buildings, for inbox and list filters. */
  buildings(input: { companyId: string; estateId: string }) {
    return this.database.prisma.building.findMany({
      where: { companyId: input.companyId, estateId: input.estateId },
      select: { id: true, name: true },
      orderBy: [{ name: 'asc' }],
    });
  }
}
