import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DemoSeedSteps, type DemoSeedContext } from '../seed/demo-seed-step';
import { builtinPackDirs } from './builtin-packs';
import { readPackFolder } from './format/read-pack-folder';
import { PacksService } from './packs.service';

/**
 * Demo data: every demo company gets the five built-in packs, bound to all its estates. Runs on
 * each seed; importing the same pack version again changes nothing and kept bindings stay.
 */
@Injectable()
export class BuiltinPacksSeedStep implements OnModuleInit {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    private readonly steps: DemoSeedSteps,
    private readonly packs: PacksService,
  ) {}

  onModuleInit(): void {
    this.steps.register({ name: 'import and bind the built-in template packs', run: (context) => this.run(context) });
  }

  private async run(context: DemoSeedContext): Promise<void> {
    for (const dir of builtinPackDirs()) {
      // The built-ins are linted and scenario-tested in CI (templates/packs.spec.ts); linting
      // again here would add seconds to every first start for no new finding.
      const report = await this.packs.importFiles({ companyId: context.company.id, userId: null, files: readPackFolder(dir), estates: context.estates, lint: false });
      this.logger.log(`${context.company.code}: pack ${report.pack.name}@${report.pack.version} ${report.workflows.map((workflow) => `${workflow.key} v${workflow.version} ${workflow.status}`).join(', ')}`);
    }
  }
}
