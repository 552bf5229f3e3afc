import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { inject } from 'vitest';
import { migrate } from '../../src/database/migrator';

/** Creates a fresh, empty database in the run's cluster and returns its URL. */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<string> {
  const clusterUrl = inject('testClusterUrl');
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: clusterUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  if (options.migrated) await migrate(url.toString());
  return url.toString();
}
