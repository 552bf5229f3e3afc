import { describe, expect, it } from 'vitest';
import type { AuditEntry, AuditService } from '../audit/audit.service';
import { JobHandlerRegistry } from '../jobs/job-handler-registry';
import { ManualClock } from '../timers/clock';
import { personRetentionDays } from './retention-period';
import type { RetentionRepository } from './retention.repository';
import { RetentionService } from './retention.service';

/** People who left, in memory, purged the way the repository does. */
class PeopleInMemory {
  people = [
    { id: 'old', companyId: 'c1', leftAt: new Date('2023-01-01T00:00:00Z') },
    { id: 'recent', companyId: 'c1', leftAt: new Date('2026-06-01T00:00:00Z') },
    { id: 'staying', companyId: 'c1', leftAt: null },
    { id: 'short-retention', companyId: 'c2', leftAt: new Date('2026-10-01T00:00:00Z') },
  ];
  companies = async () => [
    { id: 'c1', settings: {} },
    { id: 'c2', settings: { personRetentionDays: 30 } },
  ];
  /** Form values (phone and ID numbers typed into requests) with when their request finished. */
  formValues = [
    { companyId: 'c1', closedAt: new Date('2023-06-01T00:00:00Z') },
    { companyId: 'c1', closedAt: new Date('2026-11-01T00:00:00Z') },
    { companyId: 'c1', closedAt: null },
    { companyId: 'c2', closedAt: new Date('2026-10-01T00:00:00Z') },
  ];
  purgeFormValuesClosedBefore = async (input: { companyId: string; closedBefore: Date; limit: number }) => {
    const gone = this.formValues
      .filter((value) => value.companyId === input.companyId && value.closedAt !== null && value.closedAt < input.closedBefore)
      .slice(0, input.limit);
    this.formValues = this.formValues.filter((value) => !gone.includes(value));
    return gone.length;
  };
  purgeLeftBefore = async (input: { companyId: string; leftBefore: Date; limit: number }) => {
    const gone = this.people
      .filter((person) => person.companyId === input.companyId && person.leftAt !== null && person.leftAt < input.leftBefore)
      .slice(0, input.limit);
    this.people = this.people.filter((person) => !gone.includes(person));
    return gone.map((person) => person.id);
  };
}

describe('RetentionService', () => {
  it('purges people who left longer ago than their company keeps them, by the injected clock', async () => {
    const store = new PeopleInMemory();
    const audited: AuditEntry[] = [];
    const clock = new ManualClock(new Date('2026-11-22T00:00:00Z'));
    const service = new RetentionService(store as unknown as RetentionRepository, new JobHandlerRegistry(), clock, {
      record: async (entry: AuditEntry) => void audited.push(entry),
    } as unknown as AuditService);
    const purged = await service.purge();
    expect(store.people.map((person) => person.id)).toEqual(['recent', 'staying']);
    expect([...purged.entries()]).toEqual([
      ['c1', 1],
      ['c2', 1],
    ]);
    expect(audited.map((entry) => entry.action)).toEqual(['person.purge', 'person.purge']);

    clock.advance(3 * 365 * 24 * 3600 * 1000);
    await service.purge();
    expect(store.people.map((person) => person.id)).toEqual(['staying']);
  });

  it('erases the phone and ID numbers of requests finished longer ago than the company keeps personal data', async () => {
    const store = new PeopleInMemory();
    const audited: AuditEntry[] = [];
    const service = new RetentionService(
      store as unknown as RetentionRepository,
      new JobHandlerRegistry(),
      new ManualClock(new Date('2026-11-22T00:00:00Z')),
      {
        record: async (entry: AuditEntry) => void audited.push(entry),
      } as unknown as AuditService,
    );
    expect([...(await service.purgeFormValues()).entries()]).toEqual([
      ['c1', 1],
      ['c2', 1],
    ]);
    // Kept: a request finished three weeks ago (c1 keeps three years), and one still open.
    expect(store.formValues.map((value) => value.closedAt?.toISOString() ?? null)).toEqual(['2026-11-01T00:00:00.000Z', null]);
    expect(audited.map((entry) => entry.action)).toEqual(['instance.personal_data_purge', 'instance.personal_data_purge']);
  });

  it('reads the retention period from company settings, within sane bounds', () => {
    expect(personRetentionDays({})).toBe(1095);
    expect(personRetentionDays({ personRetentionDays: 30 })).toBe(30);
    expect(personRetentionDays({ personRetentionDays: -1 })).toBe(1095);
    expect(personRetentionDays(null)).toBe(1095);
  });
});
