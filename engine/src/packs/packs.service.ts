import { Injectable } from '@nestjs/common';
import { validateDefinition } from '@estateflow/model';
import { type Principal, visibleEstateIds } from '../auth/principal';
import { engineVersion } from '../common/engine-version';
import { ConflictError, NotFoundError, UnprocessableError } from '../common/errors';
import { assertMayEditDefinitions } from '../definitions/definition-access';
import { jsonObject } from '../bindings/bindings.service';
import { exportedPackFiles } from './export-pack';
import type { PackFiles } from './format/pack-files';
import { writePackArchive } from './format/tar-archive';
import { readPackArchive } from './format/tar-archive';
import { packToImport, readOrRefuse } from './pack-from-files';
import { PacksRepository, PackVersionClash, type BindingImportResult, type WorkflowImportResult } from './packs.repository';

export interface PackImportReport {
  pack: { name: string; version: string };
  workflows: WorkflowImportResult[];
  bindings: (BindingImportResult & { estateCode: string })[];
}

export interface ExportedPack {
  fileName: string;
  archive: Buffer;
}

/** Importing packs into a company (all or nothing) and exporting what an estate runs as a pack. */
@Injectable()
export class PacksService {
  constructor(private readonly repository: PacksRepository) {}

  /** POST /packs/import: an uploaded .tgz, optionally bound to estates of the caller's company. */
  async importArchive(
    principal: Principal,
    input: { archive: Buffer; companyCode?: string; estateIds?: string[]; estateCodes?: string[] },
  ): Promise<PackImportReport> {
    assertMayEditDefinitions(principal);
    if (input.companyCode !== undefined) {
      const company = await this.repository.companyByCode(input.companyCode);
      if (company === null || company.id !== principal.companyId) throw new NotFoundError(`The company "${input.companyCode}"`);
    }
    const estates = await this.estatesOf(principal, { ids: input.estateIds ?? [], codes: input.estateCodes ?? [] });
    const files = readOrRefuse(() => readPackArchive(input.archive));
    return this.importFiles({
      companyId: principal.companyId,
      userId: principal.kind === 'person' ? null : principal.userId,
      files,
      estates,
    });
  }

  /**
   * The import itself, for a company already authorised (the HTTP route above, the CLI's
   * --database-url mode, the demo seed). Validation first, then one transaction.
   */
  async importFiles(input: {
    companyId: string;
    userId: string | null;
    files: PackFiles;
    estates: { id: string; code: string }[];
    onProgress?: (message: string) => void;
    lint?: boolean;
  }): Promise<PackImportReport> {
    input.onProgress?.('validating');
    const { pack, workflows } = packToImport(input.files, input.lint === undefined ? {} : { lint: input.lint });
    const packId = { name: pack.manifest.name, version: pack.manifest.version };
    try {
      const stored = await this.repository.importPack({
        companyId: input.companyId,
        userId: input.userId,
        pack: packId,
        workflows,
        estateIds: input.estates.map((estate) => estate.id),
        ...(input.onProgress === undefined ? {} : { onProgress: input.onProgress }),
      });
      const codeOf = new Map(input.estates.map((estate) => [estate.id, estate.code]));
      return {
        pack: packId,
        workflows: stored.workflows,
        bindings: stored.bindings.map((binding) => ({ ...binding, estateCode: codeOf.get(binding.estateId) ?? '' })),
      };
    } catch (error: unknown) {
      if (error instanceof PackVersionClash) {
        throw new ConflictError(
          `${packId.name}@${packId.version} was already imported with different content for "${error.workflowKey}"; give the changed pack a new version.`,
          { pack: packId, workflowKey: error.workflowKey },
        );
      }
      throw error;
    }
  }

  /** GET /packs/export: the version an estate runs for a workflow, with its parameter values as defaults. */
  async exportPack(principal: Principal, input: { workflowKey: string; estateId?: string; estateCode?: string }): Promise<ExportedPack> {
    assertMayEditDefinitions(principal);
    const [estate] = await this.estatesOf(principal, {
      ids: input.estateId === undefined ? [] : [input.estateId],
      codes: input.estateCode === undefined ? [] : [input.estateCode],
    });
    if (estate === undefined) throw new UnprocessableError('Name the estate: estateId or estateCode.');
    const bound = await this.repository.boundVersion({
      companyId: principal.companyId,
      estateId: estate.id,
      workflowKey: input.workflowKey,
    });
    if (bound === null) throw new NotFoundError(`The workflow "${input.workflowKey}" in that estate`);
    const validation = validateDefinition(bound.definition);
    if (!validation.ok)
      throw new UnprocessableError('The bound version no longer passes validation; it cannot be exported.', { errors: validation.errors });
    const { manifest, files } = exportedPackFiles({
      definition: validation.definition,
      estateParameters: jsonObject(bound.parameters),
      estateCode: bound.estateCode,
      version: bound.version,
      packName: bound.packName,
      packVersion: bound.packVersion,
      companyName: await this.repository.companyName(principal.companyId),
      engineVersion: engineVersion(),
    });
    return { fileName: `${manifest.name}-${manifest.version}.tgz`, archive: writePackArchive(files) };
  }

  private async estatesOf(
    principal: Principal,
    input: { ids: readonly string[]; codes: readonly string[] },
  ): Promise<{ id: string; code: string }[]> {
    const visible = visibleEstateIds(principal);
    const estates: { id: string; code: string }[] = [];
    for (const id of input.ids) {
      const estate = await this.repository.estateById(principal.companyId, id);
      if (estate === null || (visible !== null && !visible.includes(estate.id))) throw new NotFoundError('That estate');
      estates.push(estate);
    }
    const byCode = await this.repository.estatesByCode(principal.companyId, input.codes);
    for (const code of input.codes) {
      const estate = byCode.find((candidate) => candidate.code === code);
      if (estate === undefined || (visible !== null && !visible.includes(estate.id))) throw new NotFoundError(`The estate "${code}"`);
      estates.push(estate);
    }
    return estates;
  }
}
