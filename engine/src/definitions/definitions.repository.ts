import { Injectable } from '@nestjs/common';
import { toInputJson } from '../common/input-json';
import { DatabaseService } from '../database/database.service';
import { Prisma } from '../generated/prisma/client';
import type { DefinitionStatus } from '../generated/prisma/enums';

export interface DefinitionRow {
  id: string;
  companyId: string;
  key: string;
  name: Prisma.JsonValue;
  status: DefinitionStatus;
  draft: Prisma.JsonValue;
  draftRevision: number;
  companyParameters: Prisma.JsonValue;
  updatedById: string | null;
  updatedAt: Date;
}

export interface VersionRow {
  id: string;
  definitionId: string;
  version: number;
  definition: Prisma.JsonValue;
  checksum: string;
  changeNote: string | null;
  publishedAt: Date;
}

export interface DefinitionListRow extends DefinitionRow {
  latestVersion: number | null;
  bindings: { estateId: string; estateName: string; version: number }[];
}

const versionSelect = {
  id: true,
  definitionId: true,
  version: true,
  definition: true,
  checksum: true,
  changeNote: true,
  publishedAt: true,
} as const;

/** Workflow definitions and their published versions; every query is scoped by company. */
@Injectable()
export class DefinitionsRepository {
  constructor(private readonly database: DatabaseService) {}

  async list(filter: { companyId: string; q?: string; status?: DefinitionStatus }): Promise<DefinitionListRow[]> {
    const where: Prisma.WorkflowDefinitionWhereInput = { companyId: filter.companyId };
    if (filter.status !== undefined) where.status = filter.status;
    if (filter.q !== undefined && filter.q !== '') where.key = { contains: filter.q, mode: 'insensitive' };
    const rows = await this.database.prisma.workflowDefinition.findMany({
      where,
      orderBy: { key: 'asc' },
      take: 500,
      include: {
        versions: {
          select: { version: true, bindings: { select: { estateId: true, estate: { select: { name: true } } } } },
          orderBy: { version: 'desc' },
        },
      },
    });
    return rows.map(({ versions, ...row }) => ({
      ...row,
      latestVersion: versions[0]?.version ?? null,
      bindings: versions.flatMap((version) =>
        version.bindings.map((binding) => ({ estateId: binding.estateId, estateName: binding.estate.name, version: version.version })),
      ),
    }));
  }

  find(companyId: string, id: string): Promise<DefinitionRow | null> {
    return this.database.prisma.workflowDefinition.findFirst({ where: { id, companyId } });
  }

  findByKey(companyId: string, key: string): Promise<DefinitionRow | null> {
    return this.database.prisma.workflowDefinition.findFirst({ where: { key, companyId } });
  }

  /** Returns null when the key is taken in this company. */
  async create(input: {
    companyId: string;
    key: string;
    name: unknown;
    draft: unknown;
    userId: string | null;
  }): Promise<DefinitionRow | null> {
    try {
      return await this.database.prisma.workflowDefinition.create({
        data: {
          companyId: input.companyId,
          key: input.key,
          name: toInputJson(input.name),
          draft: toInputJson(input.draft),
          updatedById: input.userId,
        },
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return null;
      throw error;
    }
  }

  /** Saves the draft only if nobody saved since `draftRevision`; returns the new revision or null. */
  async saveDraft(input: {
    companyId: string;
    id: string;
    draft: unknown;
    draftRevision: number;
    userId: string | null;
  }): Promise<number | null> {
    const { count } = await this.database.prisma.workflowDefinition.updateMany({
      where: { id: input.id, companyId: input.companyId, draftRevision: input.draftRevision },
      data: { draft: toInputJson(input.draft), draftRevision: { increment: 1 }, updatedById: input.userId },
    });
    return count === 1 ? input.draftRevision + 1 : null;
  }

  async staffName(companyId: string, userId: string): Promise<string | null> {
    const user = await this.database.prisma.staffUser.findFirst({ where: { id: userId, companyId }, select: { name: true } });
    return user?.name ?? null;
  }

  async setStatus(companyId: string, id: string, status: DefinitionStatus): Promise<void> {
    await this.database.prisma.workflowDefinition.updateMany({ where: { id, companyId }, data: { status } });
  }

  versions(companyId: string, definitionId: string): Promise<{ version: number; publishedAt: Date; changeNote: string | null }[]> {
    return this.database.prisma.definitionVersion.findMany({
      where: { companyId, definitionId },
      orderBy: { version: 'asc' },
      select: { version: true, publishedAt: true, changeNote: true },
    });
  }

  findVersion(input: { companyId: string; definitionId: string; version: number }): Promise<VersionRow | null> {
    return this.database.prisma.definitionVersion.findFirst({
      where: { companyId: input.companyId, definitionId: input.definitionId, version: input.version },
      select: versionSelect,
    });
  }

  findVersionById(versionId: string): Promise<(VersionRow & { companyId: string }) | null> {
    return this.database.prisma.definitionVersion.findUnique({ where: { id: versionId }, select: { ...versionSelect, companyId: true } });
  }

  /**
   * Publishes the next version number. Two publishes racing for one number: the unique
   * (definitionId, version) index refuses the second, which returns null to be retried.
   */
  async insertVersion(input: {
    companyId: string;
    definitionId: string;
    definition: unknown;
    checksum: string;
    changeNote: string;
    userId: string | null;
  }): Promise<VersionRow | null> {
    const latest = await this.database.prisma.definitionVersion.findFirst({
      where: { definitionId: input.definitionId },
      orderBy: { version: 'desc' },
      select: { version: true },
    });
    try {
      return await this.database.prisma.definitionVersion.create({
        data: {
          companyId: input.companyId,
          definitionId: input.definitionId,
          version: (latest?.version ?? 0) + 1,
          definition: toInputJson(input.definition),
          checksum: input.checksum,
          changeNote: input.changeNote,
          publishedById: input.userId,
        },
        select: versionSelect,
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return null;
      throw error;
    }
  }
}
