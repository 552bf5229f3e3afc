import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../database/database.service';
import { OwnerDatabase } from '../database/owner-database.service';

export interface StaffCredentials {
  id: string;
  companyId: string;
  passwordHash: string;
  active: boolean;
}

export interface PersonAccount {
  id: string;
  companyId: string;
  companyCode: string;
  companyName: string;
}

/** Sign-in data: staff credentials, people by phone, one-time codes, and what /me shows. */
@Injectable()
export class AuthRepository {
  constructor(
    private readonly database: DatabaseService,
    private readonly owner: OwnerDatabase,
  ) {}

  findStaffByEmail(email: string): Promise<StaffCredentials | null> {
    // Owner: who signs in (and so which company) is what this finds out; e-mails are unique across companies.
    return this.owner.prisma.staffUser.findUnique({
      where: { email },
      select: { id: true, companyId: true, passwordHash: true, active: true },
    });
  }

  /** People (in any company) whose phone has one of these blind indexes and who still live somewhere. */
  async peopleByPhoneIndex(indexes: string[]): Promise<PersonAccount[]> {
    // Owner: the phone decides the company (one phone may live in two companies' estates).
    const people = await this.owner.prisma.person.findMany({
      where: { phoneIndex: { in: indexes }, leftAt: null },
      select: { id: true, companyId: true, company: { select: { code: true, name: true } } },
      orderBy: { createdAt: 'asc' },
    });
    return people.map((person) => ({
      id: person.id,
      companyId: person.companyId,
      companyCode: person.company.code,
      companyName: person.company.name,
    }));
  }

  /** A new code replaces any earlier one for the same phone. */
  async createCode(input: { phoneIndex: string; codeHash: string; expiresAt: Date }): Promise<void> {
    await this.database.prisma.$transaction([
      this.database.prisma.oneTimeCode.updateMany({
        where: { phoneIndex: input.phoneIndex, consumedAt: null },
        data: { consumedAt: new Date() },
      }),
      this.database.prisma.oneTimeCode.create({ data: input }),
    ]);
    if (Math.random() < 0.05) {
      await this.database.pool.query(`DELETE FROM "OneTimeCode" WHERE "expiresAt" < now() - interval '1 day'`);
    }
  }

  /**
   * Takes one attempt at the phone's live code, atomically, so that parallel guesses cannot
   * exceed the limit. Null when there is no live code (none, expired, used up or consumed).
   */
  async takeCodeAttempt(input: {
    phoneIndexes: string[];
    maxAttempts: number;
  }): Promise<{ id: string; codeHash: string; attempts: number } | null> {
    const result = await this.database.pool.query<{ id: string; codeHash: string; attempts: number }>(
      `UPDATE "OneTimeCode" SET "attempts" = "attempts" + 1
        WHERE "id" = (SELECT "id" FROM "OneTimeCode" WHERE "phoneIndex" = ANY($1::text[]) AND "consumedAt" IS NULL
                       ORDER BY "createdAt" DESC LIMIT 1)
          AND "attempts" < $2 AND "expiresAt" > now() AND "consumedAt" IS NULL
        RETURNING "id", "codeHash", "attempts"`,
      [input.phoneIndexes, input.maxAttempts],
    );
    return result.rows[0] ?? null;
  }

  /** Marks a code used; false when another request used it first. */
  async consumeCode(id: string): Promise<boolean> {
    const result = await this.database.prisma.oneTimeCode.updateMany({ where: { id, consumedAt: null }, data: { consumedAt: new Date() } });
    return result.count === 1;
  }

  async staffProfile(input: { userId: string; companyId: string }) {
    const user = await this.database.prisma.staffUser.findFirst({
      where: { id: input.userId, companyId: input.companyId },
      select: { id: true, name: true, email: true, locale: true, company: { select: { id: true, code: true, name: true } } },
    });
    if (!user) return null;
    return user;
  }

  /** Estates of a company, all of them or only those listed. */
  estates(input: { companyId: string; ids: string[] | null }): Promise<{ id: string; code: string; name: string }[]> {
    return this.database.prisma.estate.findMany({
      where: { companyId: input.companyId, ...(input.ids === null ? {} : { id: { in: input.ids } }) },
      select: { id: true, code: true, name: true },
      orderBy: { createdAt: 'asc' },
    });
  }

  async personProfile(input: { personId: string; companyId: string }) {
    return this.database.prisma.person.findFirst({
      where: { id: input.personId, companyId: input.companyId },
      select: {
        id: true,
        name: true,
        phoneCipher: true,
        company: { select: { id: true, code: true, name: true } },
        residencies: {
          where: { endedAt: null, companyId: input.companyId },
          select: { kind: true, unit: { select: { id: true, label: true, estateId: true, estate: { select: { name: true } } } } },
          orderBy: { createdAt: 'asc' },
        },
      },
    });
  }
}
