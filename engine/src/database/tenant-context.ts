import { AsyncLocalStorage } from 'node:async_hooks';

interface TenantStore {
  /** The company whose rows this work may see; null: none (tenant tables look empty). */
  readonly companyId: string | null;
}

const storage = new AsyncLocalStorage<TenantStore>();

/**
 * Runs `work` — and everything it awaits — as the tenant `companyId` (RELIABILITY 18): every
 * query it sends through `DatabaseService` runs with `app.company_id` set to that company, so
 * PostgreSQL's row-level security hides every other company's rows. Null runs it as no tenant.
 */
export function runAsTenant<T>(companyId: string | null, work: () => T): T {
  return storage.run({ companyId }, work);
}

/** The tenant of the work in hand, or null outside any (tenant tables then look empty). */
export function currentTenant(): string | null {
  return storage.getStore()?.companyId ?? null;
}
