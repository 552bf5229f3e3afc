import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EngineConfig } from '../config/config';
import { ENGINE_CONFIG } from '../config/config.module';
import { JobHandlerRegistry, type PeriodicSweep } from '../jobs/job-handler-registry';
import { Clock } from '../timers/clock';
import { nextScheduleRun } from './next-schedule-run';
import { parseScheduleRule } from './schedule-rule';
import { SchedulesRepository } from './schedules.repository';

/** Turns due schedules (the monthly inspection) into `schedule_start` jobs. */
@Injectable()
export class ScheduleSweep implements PeriodicSweep, OnModuleInit {
  readonly name = 'schedules';
  readonly everyMs: number;

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly repository: SchedulesRepository,
    private readonly clock: Clock,
    @Inject(ENGINE_CONFIG) config: EngineConfig,
  ) {
    this.everyMs = Math.min(30_000, Math.max(200, config.worker.pollMs * 5));
  }

  onModuleInit(): void {
    this.registry.registerSweep(this);
  }

  async run(now: Date): Promise<void> {
    const nextRun = (schedule: { rule: unknown; nextRunAt: Date; timezone: string }) =>
      // From the later of the missed run and now: a schedule missed while the engine was down runs once, not once per missed period.
      nextScheduleRun({
        rule: parseScheduleRule(schedule.rule),
        after: new Date(Math.max(schedule.nextRunAt.getTime(), this.clock.now().getTime())),
        timezone: schedule.timezone,
      });
    while ((await this.repository.advanceDue({ now, limit: 50, nextRun })) === 50) {
      // a backlog: keep going
    }
  }
}
