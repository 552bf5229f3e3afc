import { Injectable } from '@nestjs/common';
import { TenantDatabase } from '../database/tenant-database.service';
import type { StaffRole } from '../generated/prisma/enums';
import type { RoleView } from './admin.types';

export interface StaffRow {
  id: string;
  email: string;
  name: string;
  active: boolean;
  locale: string;
  phoneCipher: string | null;
  createdAt: Date;
  roles: RoleView[];
}

const STAFF_SELECT = {
  id: true,
  email: true,
  name: true,
  active: true,
  locale: true,
  phoneCipher: true,
  createdAt: true,
  roles: { select: { estateId: true, role: true }, orderBy: { createdAt: 'asc' } },
} as const;

/** Staff accounts and their roles per estate, inside tenant transactions (row-level security on). */
@Injectable()
export class StaffRepository {
  constructor(private readonly database: TenantDatabase) {}

  /** Staff of the company; with estateIds, those holding a role in one of them (or company-wide). */
  list(input: { companyId: string; estateIds: string[] | null }): Promise<StaffRow[]> {
    return this.database.transaction(input.companyId, (tx) =>
      tx.staffUser.findMany({
        where: {
          companyId: input.companyId,
          ...(input.estateIds === null ? {} : { roles: { some: { OR: [{ estateId: { in: input.estateIds } }, { estateId: null }] } } }),
        },
        select: STAFF_SELECT,
        orderBy: [{ name: 'asc' }, { email: 'asc' }],
      }),
    );
  }

  find(input: { companyId: string; id: string }): Promise<StaffRow | null> {
    return this.database.transaction(input.companyId, (tx) =>
      tx.staffUser.findFirst({ where: { id: input.id, companyId: input.companyId }, select: STAFF_SELECT }),
    );
  }

  /** Estates of the company among these ids (to refuse roles in another company's estate). */
  async estatesOfCompany(input: { companyId: string; ids: string[] }): Promise<string[]> {
    if (input.ids.length === 0) return [];
    return this.database.transaction(input.companyId, async (tx) => {
      const rows = await tx.estate.findMany({ where: { companyId: input.companyId, id: { in: input.ids } }, select: { id: true } });
      return rows.map((row) => row.id);
    });
  }

  create(input: {
    companyId: string;
    email: string;
    name: string;
    passwordHash: string;
    phoneCipher: string | null;
    phoneIndex: string | null;
    locale: string;
    roles: RoleView[];
  }): Promise<StaffRow> {
    const { roles, ...user } = input;
    return this.database.transaction(input.companyId, (tx) =>
      tx.staffUser.create({
        data: {
          ...user,
          roles: { create: roles.map((role) => ({ companyId: input.companyId, estateId: role.estateId, role: role.role })) },
        },
        select: STAFF_SELECT,
      }),
    );
  }

  update(input: {
    companyId: string;
    id: string;
    changes: { name?: string; active?: boolean; locale?: string; phoneCipher?: string | null; phoneIndex?: string | null };
  }): Promise<void> {
    return this.database.transaction(input.companyId, async (tx) => {
      await tx.staffUser.updateMany({ where: { id: input.id, companyId: input.companyId }, data: input.changes });
    });
  }

  /**
   * Replaces the roles held in the given scope (estates the editor manages, or everything for a
   * company admin) with `roles`, leaving roles outside that scope alone. One transaction.
   */
  replaceRoles(input: {
    companyId: string;
    staffUserId: string;
    scope: string[] | null;
    roles: { estateId: string | null; role: StaffRole }[];
  }): Promise<void> {
    return this.database.transaction(input.companyId, async (tx) => {
      await tx.roleAssignment.deleteMany({
        where: {
          companyId: input.companyId,
          staffUserId: input.staffUserId,
          ...(input.scope === null ? {} : { estateId: { in: input.scope } }),
        },
      });
      await tx.roleAssignment.createMany({
        data: input.roles.map((role) => ({
          companyId: input.companyId,
          staffUserId: input.staffUserId,
          estateId: role.estateId,
          role: role.role,
        })),
        skipDuplicates: true,
      });
    });
  }
}
