import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseService } from '../../src/database/database.service';
import { runAsTenant } from '../../src/database/tenant-context';
import { JobRepository } from '../../src/jobs/job.repository';
import { insertCompanyWithPerson } from '../harness/tenant-fixture';
import { createTestDatabase } from '../harness/test-database';

// The queue's two statements on the job path (engine/src/jobs/job.repository.ts, migration
// row_live_triggers_and_indexed_claim): which jobs a claim takes, and which an acknowledgement
// finishes. The worker around them is tested on running engines (worker.integration.test.ts).

const LEASE_MS = 60_000;
const company = randomUUID();
let owner: Client;
let database: DatabaseService;
let jobs: JobRepository;

beforeAll(async () => {
  const url = await createTestDatabase({ migrated: true });
  owner = new Client({ connectionString: url });
  await owner.connect();
  await insertCompanyWithPerson(owner, { id: company, code: 'queue' });
  database = new DatabaseService(url);
  jobs = new JobRepository(database);
});

afterAll(async () => {
  await database?.onModuleDestroy();
  await owner?.end();
});

beforeEach(async () => {
  await owner.query('DELETE FROM "Job"');
});

/** A job written as the owner; `secondsAgo` < 0 is in the future. */
async function insertJob(name: string, input: { secondsAgo: number; status?: 'pending' | 'running'; leaseSecondsLeft?: number }) {
  await owner.query(
    `INSERT INTO "Job" ("companyId", kind, payload, "dedupeKey", "runAt", status, attempts, "lockedUntil")
     VALUES ($1, 'probe', jsonb_build_object('name', $2::text), $2, now() - make_interval(secs => $3), $4::"JobStatus", $5,
             CASE WHEN $6::float8 IS NULL THEN NULL ELSE now() + make_interval(secs => $6::float8) END)`,
    [company, name, input.secondsAgo, input.status ?? 'pending', input.status === 'running' ? 1 : 0, input.leaseSecondsLeft ?? null],
  );
}

const claim = (limit: number) => jobs.claim({ now: new Date(), limit, leaseMs: LEASE_MS });

async function statusOf(name: string): Promise<{ status: string; attempts: number }> {
  const { rows } = await owner.query('SELECT status::text, attempts FROM "Job" WHERE "dedupeKey" = $1', [name]);
  return rows[0];
}

describe('claiming jobs', () => {
  it('takes jobs whose lease ran out first, then due jobs oldest first, up to the limit; never future jobs or live leases', async () => {
    await insertJob('due-newer', { secondsAgo: 10 });
    await insertJob('due-oldest', { secondsAgo: 300 });
    await insertJob('due-middle', { secondsAgo: 60 });
    await insertJob('future', { secondsAgo: -60 });
    await insertJob('leased', { secondsAgo: 500, status: 'running', leaseSecondsLeft: 30 });
    await insertJob('lease-ran-out', { secondsAgo: 5, status: 'running', leaseSecondsLeft: -1 });

    // The claim's rows come back in no particular order; which ones it took is what counts.
    const first = await claim(3);
    expect(first.map((job) => [job.dedupeKey, job.attempt]).sort()).toEqual([
      ['due-middle', 1],
      ['due-oldest', 1],
      ['lease-ran-out', 2],
    ]);
    expect(first.every((job) => job.companyId === company)).toBe(true);

    const second = await claim(10);
    expect(second.map((job) => job.dedupeKey)).toEqual(['due-newer']);
    expect(await claim(10)).toEqual([]);
    expect(await statusOf('future')).toEqual({ status: 'pending', attempts: 0 });
    expect(await statusOf('leased')).toEqual({ status: 'running', attempts: 1 });
  });

  it('gives each job to one of many concurrent claims', async () => {
    for (let index = 0; index < 40; index++) await insertJob(`job-${index}`, { secondsAgo: index });
    const claims = await Promise.all(Array.from({ length: 8 }, () => claim(10)));
    const taken = claims.flat().map((job) => job.dedupeKey);
    expect(new Set(taken).size).toBe(taken.length);
    const rest = await claim(40);
    expect(taken.length + rest.length).toBe(40);
  });
});

describe('acknowledging a batch', () => {
  it('finishes the attempts it holds, and not a job another claim has taken again since', async () => {
    await insertJob('kept', { secondsAgo: 20 });
    await insertJob('lost', { secondsAgo: 10 });
    const claimed = await claim(10);
    expect(claimed.map((job) => job.dedupeKey).sort()).toEqual(['kept', 'lost']);
    // Our lease on "lost" runs out and another process claims it again (attempt 2).
    await owner.query(`UPDATE "Job" SET "lockedUntil" = now() - interval '1 second' WHERE "dedupeKey" = 'lost'`);
    expect((await claim(10)).map((job) => [job.dedupeKey, job.attempt])).toEqual([['lost', 2]]);

    await runAsTenant(company, () => jobs.completeAll({ jobs: claimed, now: new Date() }));
    expect(await statusOf('kept')).toEqual({ status: 'done', attempts: 1 });
    expect(await statusOf('lost')).toEqual({ status: 'running', attempts: 2 });
  });

  it('finishes nothing of another company', async () => {
    await insertJob('ours', { secondsAgo: 10 });
    const claimed = await claim(10);
    await runAsTenant(randomUUID(), () => jobs.completeAll({ jobs: claimed, now: new Date() }));
    expect(await statusOf('ours')).toEqual({ status: 'running', attempts: 1 });
  });
});
