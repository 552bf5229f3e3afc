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
 * PIPL: people who left (no residency left) are deleted after the company's retention period, and
 * so are the phone and ID numbers typed into requests that finished that long ago. A periodic
 * sweep of the job worker, safe in several processes at once (a row deleted by one is simply not
 * found by the other); time comes from the injected Clock.
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
    this.registry.registerSweep({
      name: 'retention.purge-people',
      everyMs: this.everyMs,
      run: async () => {
        await this.purge();
        await this.purgeFormValues();
      },
    });
  }

  /** One pass over every company; returns how many people were purged per company. */
  purge(): Promise<Map<string, number>> {
    return this.sweep({
      action: 'person.purge',
      purgeBatch: async (companyId, before) =>
        (await this.repository.purgeLeftBefore({ companyId, leftBefore: before, limit: BATCH })).length,
      describe: (count, before) => `Purged ${count} people who left before ${before}`,
    });
  }

  /** One pass over every company: the form values of requests finished longer ago than it keeps personal data; how many per company. */
  purgeFormValues(): Promise<Map<string, number>> {
    return this.sweep({
      action: 'instance.personal_data_purge',
      purgeBatch: (companyId, before) => this.repository.purgeFormValuesClosedBefore({ companyId, closedBefore: before, limit: BATCH }),
      describe: (count, before) => `Erased ${count} phone and ID numbers of requests finished before ${before}`,
    });
  }

  /** For each company: batch after batch of what ended before its retention period, logged and audited once. */
  private async sweep(input: {
    action: string;
    purgeBatch: (companyId: string, before: Date) => Promise<number>;
    describe: (count: number, before: string) => string;
  }): Promise<Map<string, number>> {
    const now = this.clock.now();
    const purged = new Map<string, number>();
    for (const company of await this.repository.companies()) {
      const before = new Date(now.getTime() - personRetentionDays(company.settings) * DAY_MS);
      let total = 0;
      for (;;) {
        const count = await input.purgeBatch(company.id, before);
        total += count;
        if (count < BATCH) break;
      }
      if (total === 0) continue;
      purged.set(company.id, total);
      this.logger.log(`${input.describe(total, before.toISOString())} (company ${company.id}).`);
      await this.audit.record({
        actor: { kind: 'system', id: null, companyId: company.id },
        action: input.action,
        detail: { count: total, before: before.toISOString() },
      });
    }
    return purged;
  }
}
