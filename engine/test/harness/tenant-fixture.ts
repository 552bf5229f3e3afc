import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/** A company with one person in it, written as the owner (row-level security tests start from two of these). */
export async function insertCompanyWithPerson(owner: Client, input: { id: string; code: string }): Promise<void> {
  await owner.query('INSERT INTO "Company" (id, code, name) VALUES ($1, $2, $2)', [input.id, input.code]);
  await owner.query('INSERT INTO "Person" (id, "companyId", name, "phoneCipher", "phoneIndex") VALUES ($1, $2, $3, $4, $5)', [
    randomUUID(),
    input.id,
    `person of ${input.code}`,
    'cipher',
    `index-${input.code}`,
  ]);
}

/** Runs `work` on a fresh connection as the engine's runtime role `estateflow_app`, no tenant set. */
export async function asAppRole<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, options: '-c role=estateflow_app' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
