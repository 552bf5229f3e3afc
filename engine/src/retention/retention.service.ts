import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { JobHandlerRegistry } from '../jobs/job-handler-registry';
import { Clock } from '../timers/clock';
import { personRetentionDays } from './retention-period';
import { RetentionRepository } from './retention.repository';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Small batches: a purge never holds many rows locked at once. */
const BATCH = 500;

/**
 * PIPL: people who left (no residency left) are deleted after the company's retention period.
 * A periodic sweep of the job worker, safe in several processes at once (a row deleted by one is
 * simply not found by the other); time comes from the injected Clock.
 */
@Injectable()
export class RetentionService implements OnModuleInit {
  private readonly logger = new Logger('Retention');
  readonly everyMs = 60 * 60 * 1000;

  constructor(
    private readonly repository: RetentionRepository,
    private readonly registry: JobHandlerRegistry,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.registry.registerSweep({ name: 'retention.purge-people', everyMs: this.everyMs, run: () => this.purge().then(() => undefined) });
  }

  /** One pass over every company; returns how many people were purged per company. */
  async purge(): Promise<Map<string, number>> {
    const now = this.clock.now();
    const purged = new Map<string, number>();
    for (const company of await this.repository.companies()) {
      const leftBefore = new Date(now.getTime() - personRetentionDays(company.settings) * DAY_MS);
      let total = 0;
      for (;;) {
        const ids = await this.repository.purgeLeftBefore({ companyId: company.id, leftBefore, limit: BATCH });
        total += ids.length;
        if (ids.length < BATCH) break;
      }
      if (total > 0) {
        purged.set(company.id, total);
        this.logger.log(`Purged ${total} people who left before ${leftBefore.toISOString()} (company ${company.id}).`);
        await this.audit.record({
          actor: { kind: 'system', id: null, companyId: company.id },
          action: 'person.purge',
          detail: { count: total, leftBefore: leftBefore.toISOString() },
        });
      }
    }
    return purged;
  }
}
