import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DemoSeedSteps, type DemoSeedContext } from '../seed/demo-seed-step';
import { nextScheduleRun } from '../schedules/next-schedule-run';
import { parseScheduleRule } from '../schedules/schedule-rule';
import { builtinPackDirs } from './builtin-packs';
import { isRecord } from './format/is-record';
import { readPackFolder } from './format/read-pack-folder';
import type { LoadedWorkflow } from './format/validate-pack';
import { validatePack } from './format/validate-pack';
import { engineVersion } from '../common/engine-version';
import { PacksRepository } from './packs.repository';
import { PacksService } from './packs.service';

/** The name of the step that binds the packs: steps that need the workflows run after it. */
export const BUILTIN_PACKS_STEP = 'import and bind the built-in template packs';

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
    private readonly repository: PacksRepository,
  ) {}

  onModuleInit(): void {
    this.steps.register({ name: BUILTIN_PACKS_STEP, run: (context) => this.run(context) });
  }

  private async run(context: DemoSeedContext): Promise<void> {
    for (const dir of builtinPackDirs()) {
      // The built-ins are linted and scenario-tested in CI (templates/packs.spec.ts); linting
      // again here would add seconds to every first start for no new finding.
      const files = readPackFolder(dir);
      const report = await this.packs.importFiles({
        companyId: context.company.id,
        userId: null,
        files,
        estates: context.estates,
        lint: false,
      });
      this.logger.log(
        `${context.company.code}: pack ${report.pack.name}@${report.pack.version} ${report.workflows.map((workflow) => `${workflow.key} v${workflow.version} ${workflow.status}`).join(', ')}`,
      );
      const validation = validatePack(files, { engineVersion: engineVersion(), lint: false });
      if (validation.ok) for (const workflow of validation.pack.workflows) await this.scheduleByDefault({ context, workflow });
    }
  }

  /**
   * A workflow whose parameters say how often it runs (the inspection pack's frequency and start
   * time) gets that schedule in every demo estate, ready to be switched on.
   */
  private async scheduleByDefault(options: { context: DemoSeedContext; workflow: LoadedWorkflow }): Promise<void> {
    const properties = options.workflow.definition.parameters?.properties ?? {};
    const defaultOf = (name: string): unknown => {
      const property = properties[name];
      return isRecord(property) ? property['default'] : undefined;
    };
    const frequency = defaultOf('frequency');
    const every = frequency === 'daily' ? 'day' : frequency === 'weekly' ? 'week' : frequency === 'monthly' ? 'month' : null;
    if (every === null) return;
    const day = every === 'week' ? defaultOf('weekday') : every === 'month' ? defaultOf('monthDay') : undefined;
    const rule = parseScheduleRule({ every, at: defaultOf('startTime') ?? '09:00', ...(day === undefined ? {} : { day }) });
    for (const estate of options.context.estates) {
      await this.repository.ensureSchedule({
        companyId: options.context.company.id,
        estateId: estate.id,
        workflowKey: options.workflow.key,
        name: options.workflow.definition.name['zh-CN'],
        rule: { ...rule },
        nextRunAt: (timezone) => nextScheduleRun({ rule, after: new Date(), timezone }),
        // Paused until a manager switches it on: a demo (or a test run) must not start rounds by the clock unasked.
        active: false,
      });
    }
  }
}
