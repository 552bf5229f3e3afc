import { Pool, type PoolClient, type PoolConfig } from 'pg';
import { survivingIdleErrors } from './pool-errors';
import { currentTenant } from './tenant-context';

type ConnectCallback = (error: Error | undefined, client: PoolClient | undefined, done: (release?: unknown) => void) => void;

/** The session setting every row-level security policy reads (migration imports_and_row_level_security). */
const SET_TENANT = `SELECT set_config('app.company_id', $1, false)`;

/**
 * A pg pool whose connections always carry the tenant of the work that checks them out
 * (`currentTenant()`, engine/src/database/tenant-context.ts). Each connection remembers the
 * company it was last set to; a checkout sets `app.company_id` (session-level) only when that
 * differs, so the event hot path — one read and one write, usually for the same company —
 * pays no extra round trip. `pool.query()` checks out through `connect()` too, and so do
 * Prisma's queries and interactive transactions (before BEGIN), when the pool is handed to
 * `new PrismaPg(pool)`. A failed `set_config` fails the checkout: nothing runs under the
 * previous tenant.
 */
export class TenantPool extends Pool {
  /** '' is "no tenant", which is also what a new connection has. */
  private readonly tenantOf = new WeakMap<PoolClient, string>();

  constructor(config: PoolConfig) {
    super(config);
    this.on('connect', (client) => this.tenantOf.set(client, ''));
    survivingIdleErrors(this, 'tenant');
  }

  override connect(): Promise<PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<PoolClient> | void {
    // Read now, synchronously: this is the caller's async context (pg-pool's query() calls connect() at once).
    const tenant = currentTenant() ?? '';
    const checkedOut = this.checkout(tenant);
    if (callback === undefined) return checkedOut;
    checkedOut.then(
      (client) => callback(undefined, client, (release?: unknown) => client.release(releaseArgument(release))),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), undefined, () => undefined),
    );
  }

  private async checkout(tenant: string): Promise<PoolClient> {
    const client = await super.connect();
    if (this.tenantOf.get(client) === tenant) return client;
    try {
      await client.query(SET_TENANT, [tenant]);
    } catch (error) {
      // Destroy the connection rather than return it with an unknown tenant.
      client.release(error instanceof Error ? error : true);
      throw error;
    }
    this.tenantOf.set(client, tenant);
    return client;
  }
}

function releaseArgument(release: unknown): Error | boolean | undefined {
  if (release instanceof Error || typeof release === 'boolean') return release;
  return release === undefined || release === null ? undefined : true;
}
