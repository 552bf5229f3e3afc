import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { PrismaClient } from '../generated/prisma/client';
import { adapterPool, DATABASE_URL } from './database.service';
import { survivingIdleErrors } from './pool-errors';

/**
 * The owner of the schema, for the few paths that must cross companies (docs/tenancy.md, "Wall 2"):
 * the seed, finding who signs in or which session or API token a request carries before its
 * company is known, the audit chain (one chain over every company), the sweeps that find due
 * deadlines and schedules in every company, the retention sweep's list of companies, key rotation
 * and `estateflow audit verify`. Every use says why it must cross companies. Everything else uses
 * `DatabaseService`, which runs as the tenant.
 */
@Injectable()
export class OwnerDatabase implements OnModuleDestroy {
  readonly pool: Pool;
  readonly prisma: PrismaClient;
  private readonly prismaPool: Pool;

  constructor(@Inject(DATABASE_URL) url: string) {
    this.pool = survivingIdleErrors(new Pool({ connectionString: url, max: 5 }), 'owner');
    this.prismaPool = survivingIdleErrors(new Pool({ connectionString: url, max: 5 }), 'owner');
    this.prisma = new PrismaClient({ adapter: new PrismaPg(adapterPool(this.prismaPool)) });
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled([this.prisma.$disconnect(), this.pool.end(), this.prismaPool.end()]);
  }
}
