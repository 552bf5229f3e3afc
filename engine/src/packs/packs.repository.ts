import { Injectable } from '@nestjs/common';
import { toInputJson } from '../common/input-json';
import { DatabaseService } from '../database/database.service';
import { OwnerDatabase } from '../database/owner-database.service';
import { TenantDatabase, type TenantTransaction } from '../database/tenant-database.service';
import type { Prisma } from '../generated/prisma/client';

/** One workflow of a pack, ready to store: its definition, checksum and name. */
export interface WorkflowToImport {
  key: string;
  name: unknown;
  definition: unknown;
  checksum: string;
}

export type WorkflowImportStatus = 'created' | 'imported' | 'unchanged';

export interface WorkflowImportResult {
  key: string;
  definitionId: string;
  version: number;
  status: WorkflowImportStatus;
}

export interface BindingImportResult {
  estateId: string;
  workflowKey: string;
  version: number;
  status: 'bound' | 'kept';
}

/** A pack version already stored with other content under the same name and version. */
export class PackVersionClash extends Error {
  override readonly name = 'PackVersionClash';
  constructor(readonly workflowKey: string) {
    super(`pack version already imported with different content for ${workflowKey}`);
  }
}

export interface BoundVersionRow {
  bindingId: string;
  estateId: string;
  estateCode: string;
  workflowKey: string;
  parameters: Prisma.JsonValue;
  versionId: string;
  version: number;
  definitionId: string;
  definition: Prisma.JsonValue;
  packName: string | null;
  packVersion: string | null;
}

export interface InstanceToMigrate {
  id: string;
  reference: string;
  stateValue: string;
  snapshot: Prisma.JsonValue;
  version: number;
}

const boundSelect = {
  id: true,
  estateId: true,
  workflowKey: true,
  parameters: true,
  estate: { select: { code: true } },
  version: { select: { id: true, version: true, definitionId: true, definition: true, packName: true, packVersion: true } },
} as const;

/** Pack imports, exports and estate upgrades: definitions, versions, bindings and instances in one tenant transaction. */
@Injectable()
export class PacksRepository {
  constructor(
    private readonly tenant: TenantDatabase,
    private readonly database: DatabaseService,
    private readonly owner: OwnerDatabase,
  ) {}

  /** The company and estates named by code (the CLI speaks in codes); estates outside it are left out. */
  async companyByCode(code: string): Promise<{ id: string; name: string } | null> {
    // Owner: the CLI names the company by code; which company it is decides the tenant.
    return this.owner.prisma.company.findUnique({ where: { code }, select: { id: true, name: true } });
  }

  async estatesByCode(companyId: string, codes: readonly string[]): Promise<{ id: string; code: string }[]> {
    if (codes.length === 0) return [];
    return this.tenant.transaction(companyId, (tx) =>
      tx.estate.findMany({ where: { companyId, code: { in: [...codes] } }, select: { id: true, code: true } }),
    );
  }

  async estateById(companyId: string, estateId: string): Promise<{ id: string; code: string } | null> {
    return this.tenant.transaction(companyId, (tx) =>
      tx.estate.findFirst({ where: { companyId, id: estateId }, select: { id: true, code: true } }),
    );
  }

  /** Adds a schedule for a workflow in an estate unless it already has one; returns whether it added one. */
  async ensureSchedule(input: {
    companyId: string;
    estateId: string;
    workflowKey: string;
    name: string;
    rule: Record<string, unknown>;
    nextRunAt: (timezone: string) => Date;
    active: boolean;
  }): Promise<boolean> {
    return this.tenant.transaction(input.companyId, async (tx) => {
      const existing = await tx.schedule.findFirst({
        where: { companyId: input.companyId, estateId: input.estateId, workflowKey: input.workflowKey },
        select: { id: true },
      });
      if (existing !== null) return false;
      const estate = await tx.estate.findFirst({ where: { companyId: input.companyId, id: input.estateId }, select: { timezone: true } });
      if (estate === null) return false;
      await tx.schedule.create({
        data: {
          companyId: input.companyId,
          estateId: input.estateId,
          workflowKey: input.workflowKey,
          name: input.name,
          rule: toInputJson(input.rule),
          nextRunAt: input.nextRunAt(estate.timezone),
          active: input.active,
        },
      });
      return true;
    });
  }

  /** A company administrator to act as when the CLI works on the database directly. */
  async companyAdmin(companyId: string): Promise<{ id: string; name: string } | null> {
    return this.tenant.transaction(companyId, (tx) =>
      tx.staffUser.findFirst({
        where: { companyId, active: true, roles: { some: { role: 'company_admin', estateId: null } } },
        orderBy: { createdAt: 'asc' },
        select: { id: true, name: true },
      }),
    );
  }

  async companyName(companyId: string): Promise<string> {
    const company = await this.database.prisma.company.findUnique({ where: { id: companyId }, select: { name: true } });
    return company?.name ?? '';
  }

  /**
   * Stores a pack's workflows and binds them, all in one transaction (RELIABILITY 14): a new
   * definition per unknown key, a new version per new pack version, nothing for a pack version
   * already there with the same content, PackVersionClash when its content differs. Estates that
   * already run a key keep their version (upgrades are explicit); the others are bound.
   */
  importPack(input: {
    companyId: string;
    userId: string | null;
    pack: { name: string; version: string };
    workflows: readonly WorkflowToImport[];
    estateIds: readonly string[];
    onProgress?: (message: string) => void;
  }): Promise<{ workflows: WorkflowImportResult[]; bindings: BindingImportResult[] }> {
    const { companyId } = input;
    return this.tenant.transaction(
      companyId,
      async (tx) => {
        // Two imports of one pack into one company queue up rather than racing for version numbers.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`pack:${companyId}:${input.pack.name}`}))`;
        const workflows: WorkflowImportResult[] = [];
        const bindings: BindingImportResult[] = [];
        for (const [index, workflow] of input.workflows.entries()) {
          input.onProgress?.(`workflow ${workflow.key} (${index + 1}/${input.workflows.length})`);
          const stored = await this.storeWorkflow({ tx, companyId, userId: input.userId, pack: input.pack, workflow });
          workflows.push(stored.result);
          for (const estateId of input.estateIds) {
            const existing = await tx.estateBinding.findFirst({
              where: { companyId, estateId, workflowKey: workflow.key },
              select: { version: { select: { version: true } } },
            });
            if (existing !== null) {
              bindings.push({ estateId, workflowKey: workflow.key, version: existing.version.version, status: 'kept' });
              continue;
            }
            await tx.estateBinding.create({
              data: { companyId, estateId, workflowKey: workflow.key, versionId: stored.versionId, parameters: {} },
            });
            bindings.push({ estateId, workflowKey: workflow.key, version: stored.result.version, status: 'bound' });
          }
        }
        return { workflows, bindings };
      },
      { timeoutMs: 120_000 },
    );
  }

  private async storeWorkflow(options: {
    tx: TenantTransaction;
    companyId: string;
    userId: string | null;
    pack: { name: string; version: string };
    workflow: WorkflowToImport;
  }): Promise<{ result: WorkflowImportResult; versionId: string }> {
    const { tx, companyId, workflow, pack } = options;
    let definition = await tx.workflowDefinition.findFirst({ where: { companyId, key: workflow.key }, select: { id: true, draft: true } });
    const created = definition === null;
    definition ??= await tx.workflowDefinition.create({
      data: {
        companyId,
        key: workflow.key,
        name: toInputJson(workflow.name),
        draft: toInputJson(workflow.definition),
        updatedById: options.userId,
      },
      select: { id: true, draft: true },
    });
    const same = await tx.definitionVersion.findFirst({
      where: { companyId, definitionId: definition.id, packName: pack.name, packVersion: pack.version },
      select: { id: true, version: true, checksum: true },
    });
    if (same !== null) {
      if (same.checksum !== workflow.checksum) throw new PackVersionClash(workflow.key);
      return { result: { key: workflow.key, definitionId: definition.id, version: same.version, status: 'unchanged' }, versionId: same.id };
    }
    const latest = await tx.definitionVersion.findFirst({
      where: { definitionId: definition.id },
      orderBy: { version: 'desc' },
      select: { version: true, checksum: true, definition: true },
    });
    const version = await tx.definitionVersion.create({
      data: {
        companyId,
        definitionId: definition.id,
        version: (latest?.version ?? 0) + 1,
        definition: toInputJson(workflow.definition),
        checksum: workflow.checksum,
        changeNote: `Imported from pack ${pack.name}@${pack.version}`,
        packName: pack.name,
        packVersion: pack.version,
        publishedById: options.userId,
      },
      select: { id: true, version: true },
    });
    // The draft follows the import only when nobody has edited it since the last published version.
    if (!created && latest !== null && JSON.stringify(definition.draft) === JSON.stringify(latest.definition)) {
      await tx.workflowDefinition.update({
        where: { id: definition.id },
        data: { draft: toInputJson(workflow.definition), draftRevision: { increment: 1 }, updatedById: options.userId },
      });
    }
    return {
      result: { key: workflow.key, definitionId: definition.id, version: version.version, status: created ? 'created' : 'imported' },
      versionId: version.id,
    };
  }

  /** The version an estate runs for a workflow key, with its parameters, or null when unbound. */
  async boundVersion(input: { companyId: string; estateId: string; workflowKey: string }): Promise<BoundVersionRow | null> {
    const row = await this.tenant.transaction(input.companyId, (tx) =>
      tx.estateBinding.findFirst({
        where: { companyId: input.companyId, estateId: input.estateId, workflowKey: input.workflowKey },
        select: boundSelect,
      }),
    );
    if (row === null) return null;
    return {
      bindingId: row.id,
      estateId: row.estateId,
      estateCode: row.estate.code,
      workflowKey: row.workflowKey,
      parameters: row.parameters,
      versionId: row.version.id,
      version: row.version.version,
      definitionId: row.version.definitionId,
      definition: row.version.definition,
      packName: row.version.packName,
      packVersion: row.version.packVersion,
    };
  }

  /** A published version of a workflow key by number, the newest when no number is given (null when there is none). */
  async versionOf(input: {
    companyId: string;
    workflowKey: string;
    version?: number;
  }): Promise<{ id: string; version: number; definition: Prisma.JsonValue; packVersion: string | null } | null> {
    return this.tenant.transaction(input.companyId, (tx) =>
      tx.definitionVersion.findFirst({
        where: {
          companyId: input.companyId,
          workflow: { key: input.workflowKey },
          ...(input.version === undefined ? {} : { version: input.version }),
        },
        orderBy: { version: 'desc' },
        select: { id: true, version: true, definition: true, packVersion: true },
      }),
    );
  }

  /** The newest version of a workflow key that came from a given pack version. */
  async versionFromPack(input: { companyId: string; workflowKey: string; packName: string; packVersion: string }): Promise<number | null> {
    const row = await this.tenant.transaction(input.companyId, (tx) =>
      tx.definitionVersion.findFirst({
        where: {
          companyId: input.companyId,
          packName: input.packName,
          packVersion: input.packVersion,
          workflow: { key: input.workflowKey },
        },
        orderBy: { version: 'desc' },
        select: { version: true },
      }),
    );
    return row?.version ?? null;
  }

  /** Running instances of an estate on one version. */
  async activeInstances(input: { companyId: string; estateId: string; versionId: string }): Promise<InstanceToMigrate[]> {
    return this.tenant.transaction(input.companyId, (tx) =>
      tx.instance.findMany({
        where: { companyId: input.companyId, estateId: input.estateId, versionId: input.versionId, status: { in: ['active', 'incident'] } },
        select: { id: true, reference: true, stateValue: true, snapshot: true, version: true },
        orderBy: { createdAt: 'asc' },
        take: 10_000,
      }),
    );
  }

  /**
   * Moves the estate's binding to a new version with merged parameters and, when asked, moves
   * running instances too (new snapshot, version + 1 gated on the version read, a log entry,
   * task rows renamed) — all in one transaction. Returns how many instances moved; an instance
   * that changed since the preview makes the whole apply fail (retry after a new preview).
   */
  applyUpgrade(input: {
    companyId: string;
    bindingId: string;
    versionId: string;
    parameters: Record<string, unknown>;
    migrations: readonly {
      instanceId: string;
      expectedVersion: number;
      snapshot: unknown;
      stateValue: string;
      renamedStates: Record<string, string>;
      event: Record<string, unknown>;
    }[];
    actor: { userId: string | null; name: string };
  }): Promise<{ migrated: number }> {
    const { companyId } = input;
    return this.tenant.transaction(
      companyId,
      async (tx) => {
        await tx.estateBinding.updateMany({
          where: { id: input.bindingId, companyId },
          data: { versionId: input.versionId, parameters: toInputJson(input.parameters) },
        });
        for (const migration of input.migrations) {
          const { count } = await tx.instance.updateMany({
            where: { id: migration.instanceId, companyId, version: migration.expectedVersion },
            data: {
              versionId: input.versionId,
              snapshot: toInputJson(migration.snapshot),
              stateValue: migration.stateValue,
              version: { increment: 1 },
              updatedAt: new Date(),
            },
          });
          if (count !== 1) throw new InstanceChangedDuringUpgrade(migration.instanceId);
          await tx.instanceEvent.create({
            data: {
              companyId,
              instanceId: migration.instanceId,
              seq: migration.expectedVersion + 1,
              type: 'estateflow.migrated',
              data: toInputJson(migration.event),
              actorKind: 'staff',
              actorId: input.actor.userId,
              actorName: input.actor.name,
            },
          });
          for (const [from, to] of Object.entries(migration.renamedStates)) {
            await tx.task.updateMany({
              where: { companyId, instanceId: migration.instanceId, stateKey: from, status: { in: ['open', 'claimed'] } },
              data: { stateKey: to },
            });
          }
        }
        return { migrated: input.migrations.length };
      },
      { timeoutMs: 120_000 },
    );
  }
}

export class InstanceChangedDuringUpgrade extends Error {
  override readonly name = 'InstanceChangedDuringUpgrade';
  constructor(readonly instanceId: string) {
    super(`instance ${instanceId} changed while it was being upgraded`);
  }
}
