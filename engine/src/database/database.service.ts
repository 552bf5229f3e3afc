import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { PrismaClient } from '../generated/prisma/client';

export const DATABASE_URL = Symbol('DatabaseUrl');

/**
 * The two ways into PostgreSQL: Prisma for CRUD and administration, and a plain `pg` pool for
 * the event hot path (one read + one atomic write; DESIGN.md). Only repositories use them.
 */
@Injectable()
export class DatabaseService implements OnModuleDestroy {
  readonly pool: Pool;
  readonly prisma: PrismaClient;

  constructor(@Inject(DATABASE_URL) url: string) {
    this.pool = new Pool({ connectionString: url, max: 20 });
    this.prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled([this.prisma.$disconnect(), this.pool.end()]);
  }
}
