import { Injectable } from '@nestjs/common';
import { ADVISORY_LOCKS } from '../database/advisory-locks';
import { OwnerDatabase } from '../database/owner-database.service';
import type { EstateKind, StaffRole } from '../generated/prisma/enums';
import type { DemoSeedContext } from './demo-seed-step';

export interface CompanyRows {
  company: { id: string; code: string; name: string };
  estates: { id: string; companyId: string; code: string; name: string; kind: EstateKind; address: string }[];
  buildings: { id: string; companyId: string; estateId: string; name: string; floors: number }[];
  units: {
    id: string;
    companyId: string;
    estateId: string;
    buildingId: string;
    entrance: number;
    floor: number;
    room: string;
    label: string;
    floorArea: string;
  }[];
  staff: { id: string; companyId: string; email: string; name: string; passwordHash: string; phoneCipher: string; phoneIndex: string }[];
  roles: { companyId: string; staffUserId: string; estateId: string | null; role: StaffRole }[];
  people: {
    id: string;
    companyId: string;
    name: string;
    phoneCipher: string;
    phoneIndex: string;
    idNumberCipher: string | null;
    idNumberIndex: string | null;
  }[];
  residencies: { companyId: string; estateId: string; personId: string; unitId: string; kind: 'owner' | 'tenant'; moveInAt: Date }[];
}

/** Owner: seeding creates companies, and asks whether any company exists at all. */
@Injectable()
export class SeedRepository {
  constructor(private readonly database: OwnerDatabase) {}

  /** Runs `work` while holding the seed lock (other processes wait). */
  async withSeedLock<T>(work: () => Promise<T>): Promise<T> {
    const client = await this.database.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCKS.seed]);
      try {
        return await work();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCKS.seed]);
      }
    } finally {
      client.release();
    }
  }

  countCompanies(): Promise<number> {
    return this.database.prisma.company.count();
  }

  async companyExists(code: string): Promise<boolean> {
    return (await this.database.prisma.company.count({ where: { code } })) > 0;
  }

  /**
   * Planner statistics for what was just loaded. Until autovacuum comes round (up to a minute)
   * fresh tables have none, and PostgreSQL then takes the row-level-security predicate
   * (`companyId = …`) for the most selective one: prepared statements cached in that minute read
   * a whole company's units and people where one primary-key lookup would do. Cheap on demo data.
   */
  async analyze(): Promise<void> {
    await this.database.pool.query('ANALYZE');
  }

  /** One company with everything in it, all or nothing; bulk inserts keep it well under a second. */
  async insertCompany(rows: CompanyRows): Promise<void> {
    const { prisma } = this.database;
    await prisma.$transaction([
      prisma.company.create({ data: rows.company }),
      prisma.estate.createMany({ data: rows.estates }),
      prisma.building.createMany({ data: rows.buildings }),
      prisma.unit.createMany({ data: rows.units }),
      prisma.staffUser.createMany({ data: rows.staff }),
      prisma.roleAssignment.createMany({ data: rows.roles }),
      prisma.person.createMany({ data: rows.people }),
      prisma.residency.createMany({ data: rows.residencies }),
    ]);
  }

  /** A demo company as it stands, for seed steps and demo-logins.json. */
  async context(input: { code: string; created: boolean }): Promise<DemoSeedContext | null> {
    const company = await this.database.prisma.company.findUnique({
      where: { code: input.code },
      select: { id: true, code: true, name: true },
    });
    if (!company) return null;
    const [estates, staff] = await Promise.all([
      this.database.prisma.estate.findMany({
        where: { companyId: company.id },
        select: { id: true, code: true, name: true },
        orderBy: { createdAt: 'asc' },
      }),
      this.database.prisma.staffUser.findMany({
        where: { companyId: company.id },
        select: { id: true, email: true, name: true, roles: { select: { role: true, estateId: true } } },
        orderBy: { createdAt: 'asc' },
      }),
    ]);
    return { company, estates, staff, created: input.created };
  }

  /** Unit ids of a company by "<estateCode>/<label>". */
  async unitIds(companyId: string): Promise<Map<string, string>> {
    const units = await this.database.prisma.unit.findMany({
      where: { companyId },
      select: { id: true, label: true, estate: { select: { code: true } } },
    });
    return new Map(units.map((unit) => [`${unit.estate.code}/${unit.label}`, unit.id]));
  }
}
