import { Injectable } from '@nestjs/common';
import { toInputJson } from '../common/input-json';
import { DatabaseService } from '../database/database.service';
import type { Prisma } from '../generated/prisma/client';

export interface BindingRow {
  estateId: string;
  workflowKey: string;
  versionId: string;
  definitionId: string;
  version: number;
  parameters: Prisma.JsonValue;
  updatedAt: Date;
}

const bindingSelect = {
  estateId: true,
  workflowKey: true,
  versionId: true,
  parameters: true,
  updatedAt: true,
  version: { select: { version: true, definitionId: true } },
} as const;

/** Estate bindings: which published version an estate runs for a workflow key, and its parameter values. */
@Injectable()
export class BindingsRepository {
  constructor(private readonly database: DatabaseService) {}

  async estateExists(companyId: string, estateId: string): Promise<boolean> {
    return (await this.database.prisma.estate.count({ where: { id: estateId, companyId } })) === 1;
  }

  async list(companyId: string, estateId: string): Promise<BindingRow[]> {
    const rows = await this.database.prisma.estateBinding.findMany({
      where: { companyId, estateId },
      orderBy: { workflowKey: 'asc' },
      select: bindingSelect,
    });
    return rows.map(({ version, ...row }) => ({ ...row, version: version.version, definitionId: version.definitionId }));
  }

  async findVersion(input: {
    companyId: string;
    definitionId: string;
    version: number;
  }): Promise<{ id: string; key: string; status: string; companyParameters: Prisma.JsonValue } | null> {
    const row = await this.database.prisma.definitionVersion.findFirst({
      where: { companyId: input.companyId, definitionId: input.definitionId, version: input.version },
      select: { id: true, workflow: { select: { key: true, status: true, companyParameters: true } } },
    });
    return row === null ? null : { id: row.id, ...row.workflow };
  }

  async upsert(input: {
    companyId: string;
    estateId: string;
    workflowKey: string;
    versionId: string;
    parameters: Record<string, unknown>;
  }): Promise<BindingRow> {
    const parameters = toInputJson(input.parameters);
    const row = await this.database.prisma.estateBinding.upsert({
      where: { estateId_workflowKey: { estateId: input.estateId, workflowKey: input.workflowKey } },
      create: {
        companyId: input.companyId,
        estateId: input.estateId,
        workflowKey: input.workflowKey,
        versionId: input.versionId,
        parameters,
      },
      update: { versionId: input.versionId, parameters },
      select: bindingSelect,
    });
    const { version, ...rest } = row;
    return { ...rest, version: version.version, definitionId: version.definitionId };
  }
}
