import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../database/database.service';
import type { Prisma } from '../generated/prisma/client';
import type { InstanceStatus } from '../generated/prisma/enums';

export interface StartContext {
  estateId: string;
  timezone: string;
  versionId: string;
  estateParameters: Prisma.JsonValue;
  companyParameters: Prisma.JsonValue;
  definitionStatus: 'active' | 'archived';
}

export interface InstanceListRow {
  id: string;
  reference: string;
  title: string;
  workflowKey: string;
  estateId: string;
  status: InstanceStatus;
  stateValue: string;
  version: number;
  unitId: string | null;
  requesterPersonId: string | null;
  createdAt: Date;
  updatedAt: Date;
  versionId: string;
  /** For the owner's progress text: the form data and the snapshot (whose context carries the parameters). */
  data: Prisma.JsonValue;
  snapshot: Prisma.JsonValue;
}

export interface InstanceListFilter {
  companyId: string;
  /** null: every estate of the company. */
  estateIds: string[] | null;
  requesterPersonId?: string;
  createdById?: string;
  workflowKey?: string;
  state?: string;
  status?: InstanceStatus;
  q?: string;
  /**
   * `q` was a phone or ID number: the blind indexes it may have under each key. Requests with it
   * typed into a form, or filed for a person with it, match too.
   */
  qIndexes?: { kind: 'phone' | 'idNumber'; candidates: string[] };
  page: number;
  pageSize: number;
}

/** Instance reads through Prisma: starting context, pickers, lists. The hot path uses the reader/writer repositories. */
@Injectable()
export class InstancesRepository {
  constructor(private readonly database: DatabaseService) {}

  async estateExists(companyId: string, estateId: string): Promise<boolean> {
    return (await this.database.prisma.estate.count({ where: { id: estateId, companyId } })) === 1;
  }

  async startContext(input: { companyId: string; estateId: string; workflowKey: string }): Promise<StartContext | null> {
    const binding = await this.database.prisma.estateBinding.findFirst({
      where: { companyId: input.companyId, estateId: input.estateId, workflowKey: input.workflowKey },
      select: {
        versionId: true,
        parameters: true,
        estate: { select: { timezone: true } },
        version: { select: { workflow: { select: { status: true, companyParameters: true } } } },
      },
    });
    if (binding === null) return null;
    return {
      estateId: input.estateId,
      timezone: binding.estate.timezone,
      versionId: binding.versionId,
      estateParameters: binding.parameters,
      companyParameters: binding.version.workflow.companyParameters,
      definitionStatus: binding.version.workflow.status,
    };
  }

  bindings(
    companyId: string,
    estateId: string,
  ): Promise<{ workflowKey: string; versionId: string; version: { workflow: { status: 'active' | 'archived' } } }[]> {
    return this.database.prisma.estateBinding.findMany({
      where: { companyId, estateId },
      orderBy: { workflowKey: 'asc' },
      select: { workflowKey: true, versionId: true, version: { select: { workflow: { select: { status: true } } } } },
    });
  }

  unit(input: { companyId: string; estateId: string; unitId: string }): Promise<{ id: string; label: string; buildingId: string } | null> {
    return this.database.prisma.unit.findFirst({
      where: { id: input.unitId, companyId: input.companyId, estateId: input.estateId },
      select: { id: true, label: true, buildingId: true },
    });
  }

  person(companyId: string, personId: string): Promise<{ id: string; name: string; phoneCipher: string } | null> {
    return this.database.prisma.person.findFirst({
      where: { id: personId, companyId },
      select: { id: true, name: true, phoneCipher: true },
    });
  }

  /** Where a phone or ID number searched for appears: typed into a request's form, or as its requester's. */
  private async personalMatches(
    companyId: string,
    indexes: NonNullable<InstanceListFilter['qIndexes']>,
  ): Promise<Prisma.InstanceWhereInput[]> {
    const people = await this.database.prisma.person.findMany({
      where: {
        companyId,
        ...(indexes.kind === 'phone' ? { phoneIndex: { in: indexes.candidates } } : { idNumberIndex: { in: indexes.candidates } }),
      },
      select: { id: true },
      take: 20,
    });
    return [
      { personalValues: { some: { companyId, kind: indexes.kind, blindIndex: { in: indexes.candidates } } } },
      ...(people.length === 0 ? [] : [{ requesterPersonId: { in: people.map((person) => person.id) } }]),
    ];
  }

  async list(filter: InstanceListFilter): Promise<{ rows: InstanceListRow[]; total: number }> {
    const where: Prisma.InstanceWhereInput = { companyId: filter.companyId };
    if (filter.estateIds !== null) where.estateId = { in: filter.estateIds };
    if (filter.requesterPersonId !== undefined) where.requesterPersonId = filter.requesterPersonId;
    if (filter.createdById !== undefined) where.createdById = filter.createdById;
    if (filter.workflowKey !== undefined) where.workflowKey = filter.workflowKey;
    if (filter.state !== undefined) where.stateValue = filter.state;
    if (filter.status !== undefined) where.status = filter.status;
    if (filter.q !== undefined && filter.q !== '') {
      const text: Prisma.InstanceWhereInput = { searchText: { contains: filter.q.toLowerCase() } };
      if (filter.qIndexes === undefined) Object.assign(where, text);
      else where.OR = [text, ...(await this.personalMatches(filter.companyId, filter.qIndexes))];
    }
    const [rows, total] = await Promise.all([
      this.database.prisma.instance.findMany({
        where,
        orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
        skip: (filter.page - 1) * filter.pageSize,
        take: filter.pageSize,
        select: {
          id: true,
          reference: true,
          title: true,
          workflowKey: true,
          estateId: true,
          status: true,
          stateValue: true,
          version: true,
          unitId: true,
          requesterPersonId: true,
          createdAt: true,
          updatedAt: true,
          versionId: true,
          data: true,
          snapshot: true,
        },
      }),
      this.database.prisma.instance.count({ where }),
    ]);
    return { rows, total };
  }
}
