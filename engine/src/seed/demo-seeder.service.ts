import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { EngineConfig } from '../config/config';
import { ENGINE_CONFIG } from '../config/config.module';
import { hashPassword } from '../auth/password';
import { PersonalDataCipher } from '../privacy/personal-data-cipher';
import { DEMO_PASSWORD, demoPlan, type PlannedCompany } from './demo-plan';
import { DemoSeedSteps, type DemoSeedContext } from './demo-seed-step';
import { type CompanyRows, SeedRepository } from './seed.repository';
import { runAsTenant } from '../database/tenant-context';
import { DomainError } from '../common/errors';

/** `<dataDir>/demo-logins.json`, read by welcome.ts, the tests and people trying the demo. */
export interface DemoLogins {
  companies: {
    code: string;
    name: string;
    estates: { id: string; code: string; name: string }[];
    staff: { email: string; password: string; role: string; estateIds: string[] }[];
    owners: { phone: string; name: string; units: string[] }[];
  }[];
}

export interface SeedResult {
  created: string[];
  existing: string[];
  loginsFile: string;
}

/**
 * Loads the demo: 示例物业 with 阳光花园 and 星河大厦, and 安居物业 for tenant-isolation tries.
 * Deterministic (seeded PRNG) apart from ids; idempotent (a company that exists is left alone).
 */

/** What went wrong, with a refusal's details (which fields, which state) so that it can be fixed. */
function describeFailure(error: unknown): string {
  if (error instanceof DomainError && error.details !== undefined) return `${error.message} ${JSON.stringify(error.details)}`;
  return error instanceof Error ? error.message : String(error);
}
@Injectable()
export class DemoSeederService {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    private readonly repository: SeedRepository,
    private readonly cipher: PersonalDataCipher,
    private readonly steps: DemoSeedSteps,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
  ) {}

  get loginsFile(): string {
    return path.join(this.config.dataDir, 'demo-logins.json');
  }

  /** On start: seed an empty database; on a seeded one, only rewrite a missing demo-logins.json. */
  async seedOnFirstStart(): Promise<void> {
    await this.repository.withSeedLock(async () => {
      if ((await this.repository.countCompanies()) === 0) {
        const result = await this.seedUnlocked();
        this.logger.log(`Demo data loaded: ${result.created.join(', ')}.`);
      } else if (!fs.existsSync(this.loginsFile) && (await this.repository.companyExists('demo'))) {
        await this.writeLogins(demoPlan());
      }
    });
  }

  /** `npm run seed`: creates whichever demo companies are missing, runs the seed steps, writes the logins. */
  seed(): Promise<SeedResult> {
    return this.repository.withSeedLock(() => this.seedUnlocked());
  }

  private async seedUnlocked(): Promise<SeedResult> {
    const plan = demoPlan();
    const created: string[] = [];
    const existing: string[] = [];
    let passwordHash: string | null = null;
    for (const company of plan) {
      if (await this.repository.companyExists(company.code)) {
        existing.push(company.code);
      } else {
        // argon2 is slow on purpose: hash the shared demo password once for everyone.
        passwordHash ??= await hashPassword(DEMO_PASSWORD);
        await this.repository.insertCompany(this.rows(company, passwordHash));
        created.push(company.code);
      }
      const context = await this.repository.context({ code: company.code, created: created.includes(company.code) });
      if (context) await this.runSteps(context);
    }
    if (created.length > 0) await this.repository.analyze();
    await this.writeLogins(plan);
    return { created, existing, loginsFile: this.loginsFile };
  }

  private async runSteps(context: DemoSeedContext): Promise<void> {
    for (const step of this.steps.list()) {
      try {
        // Steps work through the engine's repositories, which run as a tenant: this company.
        await runAsTenant(context.company.id, () => step.run(context));
      } catch (error) {
        // A broken extension must not keep the demo from starting; say which one and go on.
        this.logger.error(`Demo seed step "${step.name}" failed for ${context.company.code}: ${describeFailure(error)}`);
      }
    }
  }

  private rows(plan: PlannedCompany, passwordHash: string): CompanyRows {
    const companyId = randomUUID();
    const rows: CompanyRows = {
      company: { id: companyId, code: plan.code, name: plan.name },
      estates: [],
      buildings: [],
      units: [],
      staff: [],
      roles: [],
      people: [],
      residencies: [],
    };
    const estateIds = new Map<string, string>();
    const unitIds = new Map<string, string>();
    for (const estate of plan.estates) {
      const estateId = randomUUID();
      estateIds.set(estate.code, estateId);
      rows.estates.push({ id: estateId, companyId, code: estate.code, name: estate.name, kind: estate.kind, address: estate.address });
      for (const building of estate.buildings) {
        const buildingId = randomUUID();
        rows.buildings.push({ id: buildingId, companyId, estateId, name: building.name, floors: building.floors });
        for (const unit of building.units) {
          const unitId = randomUUID();
          unitIds.set(`${estate.code}/${unit.label}`, unitId);
          rows.units.push({ id: unitId, companyId, estateId, buildingId, ...unit });
        }
      }
    }
    const estateIdOf = (code: string): string => {
      const id = estateIds.get(code);
      if (id === undefined) throw new Error(`demo plan: unknown estate ${code}`);
      return id;
    };
    for (const member of plan.staff) {
      const staffUserId = randomUUID();
      rows.staff.push({
        id: staffUserId,
        companyId,
        email: member.email,
        name: member.name,
        passwordHash,
        phoneCipher: this.cipher.encrypt('phone', member.phone),
        phoneIndex: this.cipher.blindIndex('phone', member.phone),
      });
      for (const role of member.roles)
        rows.roles.push({
          companyId,
          staffUserId,
          role: role.role,
          estateId: role.estateCode === null ? null : estateIdOf(role.estateCode),
        });
    }
    const moveIn = new Date(Date.UTC(2019, 5, 1));
    for (const person of plan.people) {
      const personId = randomUUID();
      rows.people.push({
        id: personId,
        companyId,
        name: person.name,
        phoneCipher: this.cipher.encrypt('phone', person.phone),
        phoneIndex: this.cipher.blindIndex('phone', person.phone),
        idNumberCipher: person.idNumber === null ? null : this.cipher.encrypt('idNumber', person.idNumber),
        idNumberIndex: person.idNumber === null ? null : this.cipher.blindIndex('idNumber', person.idNumber),
      });
      for (const residency of person.residencies) {
        const unitId = unitIds.get(`${residency.estateCode}/${residency.unitLabel}`);
        if (unitId === undefined) throw new Error(`demo plan: unknown unit ${residency.unitLabel}`);
        rows.residencies.push({
          companyId,
          estateId: estateIdOf(residency.estateCode),
          personId,
          unitId,
          kind: residency.kind,
          moveInAt: moveIn,
        });
      }
    }
    return rows;
  }

  private async writeLogins(plan: PlannedCompany[]): Promise<void> {
    const logins: DemoLogins = { companies: [] };
    for (const company of plan) {
      const context = await this.repository.context({ code: company.code, created: false });
      if (!context) continue;
      const unitIds = await this.repository.unitIds(context.company.id);
      const staffByEmail = new Map(context.staff.map((member) => [member.email, member]));
      const allEstateIds = context.estates.map((estate) => estate.id);
      logins.companies.push({
        code: context.company.code,
        name: context.company.name,
        estates: context.estates,
        staff: company.staff.flatMap((member) => {
          const stored = staffByEmail.get(member.email);
          const first = member.roles[0];
          if (!stored || !first) return [];
          const companyWide = stored.roles.some((role) => role.estateId === null);
          const estateIds = companyWide
            ? allEstateIds
            : [...new Set(stored.roles.flatMap((role) => (role.estateId === null ? [] : [role.estateId])))];
          return [{ email: member.email, password: DEMO_PASSWORD, role: first.role, estateIds }];
        }),
        owners: company.people
          .filter((person) => person.showInLogins)
          .map((person) => ({
            phone: person.phone,
            name: person.name,
            units: person.residencies.flatMap((residency) => unitIds.get(`${residency.estateCode}/${residency.unitLabel}`) ?? []),
          })),
      });
    }
    fs.mkdirSync(this.config.dataDir, { recursive: true });
    const temp = `${this.loginsFile}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(logins, null, 2) + '\n', { mode: 0o600 });
    fs.renameSync(temp, this.loginsFile);
  }
}
