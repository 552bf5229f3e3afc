import type { INestApplicationContext } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { runAsTenant } from '../database/tenant-context';
import { EstateUpgradeService, type UpgradePlan, type UpgradeRequest } from '../packs/estate-upgrade.service';
import type { PackFiles } from '../packs/format/pack-files';
import { PacksRepository } from '../packs/packs.repository';
import { PacksService, type ExportedPack, type PackImportReport } from '../packs/packs.service';
import type { PackEngine } from './pack-engine';
import { CliFailure } from './pack-local';

/** The engine's own services on its database (--database-url), acting as a company administrator. */
export class DatabasePackEngine implements PackEngine {
  constructor(
    private readonly app: INestApplicationContext,
    private readonly companyCode: string | undefined,
  ) {}

  async importPack(input: {
    files: PackFiles;
    companyCode: string;
    estateCodes: string[];
    progress: (message: string) => void;
  }): Promise<PackImportReport> {
    const { principal } = await this.actAs(input.companyCode);
    return runAsTenant(principal.companyId, async () => {
      const repository = this.app.get(PacksRepository);
      const estates = await repository.estatesByCode(principal.companyId, input.estateCodes);
      const missing = input.estateCodes.filter((code) => !estates.some((estate) => estate.code === code));
      if (missing.length > 0) throw new CliFailure(`estate "${missing.join('", "')}" not found in company ${input.companyCode}`);
      return this.app
        .get(PacksService)
        .importFiles({ companyId: principal.companyId, userId: principal.userId, files: input.files, estates, onProgress: input.progress });
    });
  }

  async exportPack(input: { estateCode: string; workflowKey: string }): Promise<ExportedPack> {
    const { principal } = await this.actAs(this.requireCompany());
    return runAsTenant(principal.companyId, () =>
      this.app.get(PacksService).exportPack(principal, { workflowKey: input.workflowKey, estateCode: input.estateCode }),
    );
  }

  async upgrade(input: { estateCode: string; request: UpgradeRequest; apply: boolean }): Promise<UpgradePlan> {
    const { principal } = await this.actAs(this.requireCompany());
    return runAsTenant(principal.companyId, async () => {
      const [estate] = await this.app.get(PacksRepository).estatesByCode(principal.companyId, [input.estateCode]);
      if (estate === undefined) throw new CliFailure(`estate "${input.estateCode}" not found`);
      const service = this.app.get(EstateUpgradeService);
      return input.apply ? service.apply(principal, estate.id, input.request) : service.preview(principal, estate.id, input.request);
    });
  }

  private requireCompany(): string {
    if (this.companyCode === undefined) throw new CliFailure('with --database-url, name the company: --company <code>');
    return this.companyCode;
  }

  private async actAs(companyCode: string): Promise<{ principal: Extract<Principal, { kind: 'staff' }> }> {
    const repository = this.app.get(PacksRepository);
    const company = await repository.companyByCode(companyCode);
    if (company === null) throw new CliFailure(`company "${companyCode}" not found`);
    const admin = await repository.companyAdmin(company.id);
    if (admin === null) throw new CliFailure(`company "${companyCode}" has no active company administrator to act as`);
    return {
      principal: {
        kind: 'staff',
        userId: admin.id,
        companyId: company.id,
        name: admin.name,
        roles: [{ estateId: null, role: 'company_admin' }],
      },
    };
  }
}
