import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool, type PoolClient } from 'pg';
import { PrismaClient } from '../generated/prisma/client';
import { DATABASE_URL } from './database.service';

/** The runtime role of the migration `imports_and_row_level_security`: neither owner nor superuser. */
export const APP_ROLE = 'estateflow_app';

/** A Prisma client inside one tenant transaction. */
export type TenantTransaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/**
 * The database as the tenant sees it (RELIABILITY 18): connections assume the non-owner role
 * `estateflow_app` at start-up (a startup option, so no extra round trip), and every transaction
 * names its company first, so PostgreSQL's row-level security hides every other company's rows
 * even if a query forgets its `WHERE "companyId"`. Without a tenant set, protected tables are empty.
 *
 * Repositories use this for tenant work; `DatabaseService` (owner) stays for migrations, sign-in
 * lookups across companies, the job worker's claim and the audit chain (docs/tenancy.md).
 */
@Injectable()
export class TenantDatabase implements OnModuleDestroy {
  readonly pool: Pool;
  private readonly prisma: PrismaClient;

  constructor(@Inject(DATABASE_URL) url: string) {
    const options = `-c role=${APP_ROLE}`;
    this.pool = new Pool({ connectionString: url, max: 10, options });
    this.prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10, options }) });
  }

  /** Runs `work` in one transaction as the tenant `companyId` (Prisma; for CRUD and administration). */
  transaction<T>(companyId: string, work: (tx: TenantTransaction) => Promise<T>, options: { timeoutMs?: number } = {}): Promise<T> {
    return this.prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT set_config('app.company_id', ${companyId}, true)`;
        return work(tx);
      },
      { timeout: options.timeoutMs ?? 15_000, maxWait: 10_000 },
    );
  }

  /** Runs `work` on one pg connection in one transaction as the tenant (for bulk SQL such as imports). */
  async withClient<T>(companyId: string, work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.company_id', $1, true)`, [companyId]);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled([this.prisma.$disconnect(), this.pool.end()]);
  }
}
