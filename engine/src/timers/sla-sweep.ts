import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EngineConfig } from '../config/config';
import { ENGINE_CONFIG } from '../config/config.module';
import { JobHandlerRegistry, type PeriodicSweep } from '../jobs/job-handler-registry';
import { SlaRepository } from './sla.repository';

/**
 * Watches task deadlines (respondDueAt / completeDueAt, set from the definition's SLA on the
 * estate's business calendar) and raises the escalation ladder when they pass. Safe in many
 * processes at once: rows are taken with SKIP LOCKED and escalations keyed per task and level.
 */
@Injectable()
export class SlaSweep implements PeriodicSweep, OnModuleInit {
  readonly name = 'sla';
  readonly everyMs: number;

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly repository: SlaRepository,
    @Inject(ENGINE_CONFIG) config: EngineConfig,
  ) {
    this.everyMs = Math.min(15_000, Math.max(200, config.worker.pollMs * 5));
  }

  onModuleInit(): void {
    this.registry.registerSweep(this);
  }

  async run(now: Date): Promise<void> {
    while ((await this.repository.raiseEscalations({ now, limit: 200 })) > 0) {
      // keep going while a backlog remains
    }
  }
}
