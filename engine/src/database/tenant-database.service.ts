import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { PrismaClient } from '../generated/prisma/client';
import { DatabaseService } from './database.service';
import { runAsTenant } from './tenant-context';

export { APP_ROLE } from './database.service';

/** A Prisma client inside one tenant transaction. */
export type TenantTransaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/**
 * Explicit tenant transactions on `DatabaseService`'s connections (role `estateflow_app`):
 * `transaction(companyId, tx => …)` for Prisma and `withClient(companyId, client => …)` for bulk
 * SQL run `work` as the tenant `companyId` in one transaction, whatever tenant the caller runs as.
 */
@Injectable()
export class TenantDatabase {
  constructor(private readonly database: DatabaseService) {}

  get pool() {
    return this.database.pool;
  }

  /** Runs `work` in one transaction as the tenant `companyId` (Prisma; for CRUD and administration). */
  transaction<T>(companyId: string, work: (tx: TenantTransaction) => Promise<T>, options: { timeoutMs?: number } = {}): Promise<T> {
    return runAsTenant(companyId, () =>
      this.database.prisma.$transaction(
        async (tx) => {
          // The checkout set the tenant already; naming it inside the transaction too keeps these
          // explicit tenant transactions independent of how Prisma schedules its checkout.
          await tx.$queryRaw`SELECT set_config('app.company_id', ${companyId}, true)`;
          return work(tx);
        },
        { timeout: options.timeoutMs ?? 15_000, maxWait: 10_000 },
      ),
    );
  }

  /** Runs `work` on one pg connection in one transaction as the tenant (for bulk SQL such as imports). */
  withClient<T>(companyId: string, work: (client: PoolClient) => Promise<T>): Promise<T> {
    return runAsTenant(companyId, async () => {
      const client = await this.database.pool.connect();
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
    });
  }
}
