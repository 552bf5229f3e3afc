import { Injectable } from '@nestjs/common';
import { diffDefinitions, type DefinitionDiff, type LintFinding, type WorkflowDefinition } from '@estateflow/model';
import type { Principal } from '../auth/principal';
import { ConflictError, NotFoundError, UnprocessableError } from '../common/errors';
import type { DefinitionStatus } from '../generated/prisma/enums';
import type { Prisma } from '../generated/prisma/client';
import { assertMayEditDefinitions, assertMayReadDefinitions } from './definition-access';
import { definitionChecksum } from './definition-checksum';
import { reportOnDefinition } from './definition-report';
import { DefinitionsRepository, type DefinitionRow } from './definitions.repository';

export type LocalizedName = { 'zh-CN': string; en?: string };

export interface DefinitionSummary {
  id: string;
  key: string;
  name: Prisma.JsonValue;
  status: DefinitionStatus;
  draftRevision: number;
  latestVersion: number | null;
  bindings: { estateId: string; estateName: string; version: number }[];
  updatedAt: string;
}

export interface DefinitionDetail {
  id: string;
  key: string;
  name: Prisma.JsonValue;
  status: DefinitionStatus;
  draft: Prisma.JsonValue;
  draftRevision: number;
  versions: { version: number; publishedAt: string; changeNote: string | null }[];
}

/** Two versions' structured diff (the model's DefinitionDiff), with the version numbers compared. */
export type VersionDiff = DefinitionDiff & { from: number; to: number };

export interface VersionDetail {
  version: number;
  definition: Prisma.JsonValue;
  checksum: string;
  publishedAt: string;
  changeNote: string | null;
}

function userIdOf(principal: Principal): string | null {
  return principal.kind === 'person' ? null : principal.userId;
}

/** A blank draft that passes the definition schema: one state, no forms. */
function blankDraft(key: string, name: LocalizedName): WorkflowDefinition {
  const machineId = /^[A-Za-z][A-Za-z0-9_]*$/.test(key.replace(/-/g, '_')) ? key.replace(/-/g, '_') : 'workflow';
  return {
    formatVersion: 1,
    key,
    name,
    machine: { id: machineId, initial: 'submitted', states: { submitted: { meta: { label: { 'zh-CN': '已提交', en: 'Submitted' } } } } },
    forms: {},
  };
}

/** Drafts, lint, publishing immutable versions, duplicates, archive, diffs (docs/api.md "Workflows"). */
@Injectable()
export class DefinitionsService {
  constructor(private readonly repository: DefinitionsRepository) {}

  async list(principal: Principal, filter: { q?: string; status?: DefinitionStatus }): Promise<DefinitionSummary[]> {
    assertMayReadDefinitions(principal);
    const rows = await this.repository.list({ companyId: principal.companyId, ...filter });
    return rows.map((row) => ({
      id: row.id,
      key: row.key,
      name: row.name,
      status: row.status,
      draftRevision: row.draftRevision,
      latestVersion: row.latestVersion,
      bindings: row.bindings,
      updatedAt: row.updatedAt.toISOString(),
    }));
  }

  async create(
    principal: Principal,
    input: { key: string; name: string | LocalizedName; definition?: Record<string, unknown> },
  ): Promise<DefinitionDetail> {
    assertMayEditDefinitions(principal);
    const name: LocalizedName = typeof input.name === 'string' ? { 'zh-CN': input.name } : input.name;
    const draft = input.definition ?? blankDraft(input.key, name);
    const row = await this.repository.create({ companyId: principal.companyId, key: input.key, name, draft, userId: userIdOf(principal) });
    if (row === null) throw new ConflictError(`A workflow with the key "${input.key}" already exists.`, { key: input.key });
    return this.detailOf(row);
  }

  async get(principal: Principal, id: string): Promise<DefinitionDetail> {
    assertMayReadDefinitions(principal);
    return this.detailOf(await this.definition(principal, id));
  }

  async saveDraft(
    principal: Principal,
    input: { id: string; draft: Record<string, unknown>; draftRevision: number },
  ): Promise<{ draftRevision: number }> {
    assertMayEditDefinitions(principal);
    await this.definition(principal, input.id);
    const saved = await this.repository.saveDraft({
      companyId: principal.companyId,
      id: input.id,
      draft: input.draft,
      draftRevision: input.draftRevision,
      userId: userIdOf(principal),
    });
    if (saved !== null) return { draftRevision: saved };
    const current = await this.definition(principal, input.id);
    const savedByName = current.updatedById === null ? null : await this.repository.staffName(principal.companyId, current.updatedById);
    throw new ConflictError(
      `Someone else saved this workflow first${savedByName === null ? '' : ` (${savedByName})`}; reload it before saving again.`,
      {
        draftRevision: current.draftRevision,
        savedBy: current.updatedById === null ? null : { id: current.updatedById, name: savedByName },
        savedAt: current.updatedAt.toISOString(),
      },
    );
  }

  async lint(principal: Principal, input: { id: string; draft?: Record<string, unknown> }): Promise<{ findings: LintFinding[] }> {
    assertMayEditDefinitions(principal);
    const row = await this.definition(principal, input.id);
    return { findings: this.findingsFor(row, input.draft ?? row.draft) };
  }

  async publish(principal: Principal, input: { id: string; changeNote: string }): Promise<{ version: number }> {
    assertMayEditDefinitions(principal);
    const row = await this.definition(principal, input.id);
    if (row.status === 'archived') throw new UnprocessableError('An archived workflow cannot be published; duplicate it instead.');
    const findings = this.findingsFor(row, row.draft);
    if (findings.some((finding) => finding.severity === 'error')) {
      throw new UnprocessableError('The workflow has errors; fix them before publishing.', { findings });
    }
    for (let attempt = 0; attempt < 5; attempt++) {
      const version = await this.repository.insertVersion({
        companyId: principal.companyId,
        definitionId: row.id,
        definition: row.draft,
        checksum: definitionChecksum(row.draft),
        changeNote: input.changeNote,
        userId: userIdOf(principal),
      });
      if (version !== null) return { version: version.version };
    }
    throw new ConflictError('Another publish of this workflow is in progress; try again.');
  }

  async duplicate(principal: Principal, input: { id: string; key: string }): Promise<DefinitionDetail> {
    assertMayEditDefinitions(principal);
    const source = await this.definition(principal, input.id);
    const draft =
      typeof source.draft === 'object' && source.draft !== null && !Array.isArray(source.draft)
        ? { ...source.draft, key: input.key }
        : source.draft;
    const row = await this.repository.create({
      companyId: principal.companyId,
      key: input.key,
      name: source.name,
      draft,
      userId: userIdOf(principal),
    });
    if (row === null) throw new ConflictError(`A workflow with the key "${input.key}" already exists.`, { key: input.key });
    return this.detailOf(row);
  }

  async archive(principal: Principal, id: string): Promise<DefinitionDetail> {
    assertMayEditDefinitions(principal);
    await this.definition(principal, id);
    await this.repository.setStatus(principal.companyId, id, 'archived');
    return this.detailOf(await this.definition(principal, id));
  }

  async version(principal: Principal, input: { id: string; version: number }): Promise<VersionDetail> {
    assertMayReadDefinitions(principal);
    const row = await this.repository.findVersion({ companyId: principal.companyId, definitionId: input.id, version: input.version });
    if (row === null) throw new NotFoundError('That version');
    return {
      version: row.version,
      definition: row.definition,
      checksum: row.checksum,
      publishedAt: row.publishedAt.toISOString(),
      changeNote: row.changeNote,
    };
  }

  async diff(principal: Principal, input: { id: string; from: number; to: number }): Promise<VersionDiff> {
    assertMayReadDefinitions(principal);
    const [from, to] = await Promise.all([
      this.repository.findVersion({ companyId: principal.companyId, definitionId: input.id, version: input.from }),
      this.repository.findVersion({ companyId: principal.companyId, definitionId: input.id, version: input.to }),
    ]);
    if (from === null || to === null) throw new NotFoundError('That version');
    const fromReport = reportOnDefinition(from.definition);
    const toReport = reportOnDefinition(to.definition);
    if (fromReport.definition === null || toReport.definition === null)
      throw new UnprocessableError('A stored version no longer passes validation; it cannot be compared.');
    return { from: from.version, to: to.version, ...diffDefinitions(fromReport.definition, toReport.definition) };
  }

  private findingsFor(row: DefinitionRow, draft: unknown): LintFinding[] {
    const report = reportOnDefinition(draft);
    const findings = [...report.findings];
    if (report.definition !== null && report.definition.key !== row.key) {
      findings.unshift({
        severity: 'error',
        code: 'keyMismatch',
        message: { 'zh-CN': `流程标识必须保持为 "${row.key}"`, en: `The key must stay "${row.key}" (this workflow's key).` },
        target: { kind: 'definition' },
      });
    }
    return findings;
  }

  private async definition(principal: Principal, id: string): Promise<DefinitionRow> {
    const row = await this.repository.find(principal.companyId, id);
    if (row === null) throw new NotFoundError('That workflow');
    return row;
  }

  private async detailOf(row: DefinitionRow): Promise<DefinitionDetail> {
    const versions = await this.repository.versions(row.companyId, row.id);
    return {
      id: row.id,
      key: row.key,
      name: row.name,
      status: row.status,
      draft: row.draft,
      draftRevision: row.draftRevision,
      versions: versions.map((version) => ({
        version: version.version,
        publishedAt: version.publishedAt.toISOString(),
        changeNote: version.changeNote,
      })),
    };
  }
}
