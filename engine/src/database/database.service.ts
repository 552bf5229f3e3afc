import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { PrismaClient } from '../generated/prisma/client';
import { TenantPool } from './tenant-pool';

export const DATABASE_URL = Symbol('DatabaseUrl');

/** The pool type @prisma/adapter-pg declares (its own copy of @types/pg; at run time it is the same `pg`). */
type AdapterPool = Extract<ConstructorParameters<typeof PrismaPg>[0], { totalCount: number }>;

function isAdapterPool(pool: unknown): pool is AdapterPool {
  return pool instanceof Pool;
}

export function adapterPool(pool: Pool): AdapterPool {
  if (!isAdapterPool(pool)) throw new Error('not a pg Pool');
  return pool;
}

/** The runtime role of the migration `imports_and_row_level_security`: neither owner nor superuser. */
export const APP_ROLE = 'estateflow_app';

/**
 * The two ways into PostgreSQL: Prisma for CRUD and administration, and a plain `pg` pool for
 * the event hot path (one read + one atomic write; DESIGN.md). Only repositories use them.
 *
 * Both run as the tenant (RELIABILITY 18, docs/tenancy.md): connections assume the non-owner role
 * `estateflow_app` at start-up (a startup option, no extra round trip) and carry the company of
 * the work in hand (`runAsTenant`, set per request by the TenantContextInterceptor and per job by
 * the worker) in `app.company_id`, so row-level security hides every other company's rows even
 * where a query forgets its `WHERE "companyId"`. The few paths that must cross companies use
 * `OwnerDatabase` instead.
 */
@Injectable()
export class DatabaseService implements OnModuleDestroy {
  readonly pool: Pool;
  /**
   * For the event path's named statements only (the instance read and the event write). Their
   * generic plans were measured to be right, yet PostgreSQL kept planning the read afresh for every
   * call — a custom plan looks cheaper for the few ids of each batch, and planning it (row-level
   * security on seven tables) cost twice its execution. These connections always use the
   * statement's one generic plan; every other statement keeps PostgreSQL's own choice.
   */
  readonly eventPool: Pool;
  readonly prisma: PrismaClient;
  private readonly prismaPool: Pool;

  constructor(@Inject(DATABASE_URL) url: string) {
    const options = `-c role=${APP_ROLE}`;
    // 14 + 6 + 10 here and 10 for OwnerDatabase: 40 connections per engine process, as before the
    // event pool was split off, so that two processes stay within PostgreSQL's default 100.
    this.pool = new TenantPool({ connectionString: url, max: 14, options });
    this.eventPool = new TenantPool({ connectionString: url, max: 6, options: `${options} -c plan_cache_mode=force_generic_plan` });
    this.prismaPool = new TenantPool({ connectionString: url, max: 10, options });
    this.prisma = new PrismaClient({ adapter: new PrismaPg(adapterPool(this.prismaPool)) });
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled([this.prisma.$disconnect(), this.pool.end(), this.eventPool.end(), this.prismaPool.end()]);
  }
}
