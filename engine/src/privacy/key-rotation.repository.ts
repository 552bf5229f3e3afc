import { Injectable } from '@nestjs/common';
import { OwnerDatabase } from '../database/owner-database.service';

/**
 * A ciphertext column (with its blind index, if any) and the fixed SQL that rotates it.
 * Identifiers cannot be query parameters, so each column's statements are written out in full
 * here rather than assembled; every value is a parameter.
 */
export interface ProtectedColumn {
  table: 'Person' | 'StaffUser' | 'Webhook' | 'PersonalValue';
  field: 'phone' | 'idNumber' | 'secret';
  indexed: boolean;
  /** Ciphertexts per key id. */
  usage: string;
  /** $1 current key id, $2 limit → id, cipher of rows under another key. */
  stale: string;
  /** $1 new cipher, $2 new index (null when not indexed), $3 id, $4 old cipher. */
  rewrite: string;
}

/** Every ciphertext column of the schema. A new one must be added here to be rotated. */
export const PROTECTED_COLUMNS: readonly ProtectedColumn[] = [
  {
    table: 'Person',
    field: 'phone',
    indexed: true,
    usage: `SELECT split_part("phoneCipher", ':', 2) AS "keyId", count(*)::int AS "count" FROM "Person" WHERE "phoneCipher" LIKE 'ef1:%' GROUP BY 1`,
    stale: `SELECT "id", "phoneCipher" AS "cipher" FROM "Person" WHERE "phoneCipher" LIKE 'ef1:%' AND split_part("phoneCipher", ':', 2) <> $1 ORDER BY "id" LIMIT $2`,
    rewrite: `UPDATE "Person" SET "phoneCipher" = $1, "phoneIndex" = $2 WHERE "id" = $3 AND "phoneCipher" = $4`,
  },
  {
    table: 'Person',
    field: 'idNumber',
    indexed: true,
    usage: `SELECT split_part("idNumberCipher", ':', 2) AS "keyId", count(*)::int AS "count" FROM "Person" WHERE "idNumberCipher" LIKE 'ef1:%' GROUP BY 1`,
    stale: `SELECT "id", "idNumberCipher" AS "cipher" FROM "Person" WHERE "idNumberCipher" LIKE 'ef1:%' AND split_part("idNumberCipher", ':', 2) <> $1 ORDER BY "id" LIMIT $2`,
    rewrite: `UPDATE "Person" SET "idNumberCipher" = $1, "idNumberIndex" = $2 WHERE "id" = $3 AND "idNumberCipher" = $4`,
  },
  {
    table: 'StaffUser',
    field: 'phone',
    indexed: true,
    usage: `SELECT split_part("phoneCipher", ':', 2) AS "keyId", count(*)::int AS "count" FROM "StaffUser" WHERE "phoneCipher" LIKE 'ef1:%' GROUP BY 1`,
    stale: `SELECT "id", "phoneCipher" AS "cipher" FROM "StaffUser" WHERE "phoneCipher" LIKE 'ef1:%' AND split_part("phoneCipher", ':', 2) <> $1 ORDER BY "id" LIMIT $2`,
    rewrite: `UPDATE "StaffUser" SET "phoneCipher" = $1, "phoneIndex" = $2 WHERE "id" = $3 AND "phoneCipher" = $4`,
  },
  {
    table: 'Webhook',
    field: 'secret',
    indexed: false,
    usage: `SELECT split_part("secretCipher", ':', 2) AS "keyId", count(*)::int AS "count" FROM "Webhook" WHERE "secretCipher" LIKE 'ef1:%' GROUP BY 1`,
    stale: `SELECT "id", "secretCipher" AS "cipher" FROM "Webhook" WHERE "secretCipher" LIKE 'ef1:%' AND split_part("secretCipher", ':', 2) <> $1 ORDER BY "id" LIMIT $2`,
    rewrite: `UPDATE "Webhook" SET "secretCipher" = $1 WHERE "id" = $3 AND "secretCipher" = $4 AND $2::text IS NULL`,
  },
  {
    // Phone and ID numbers typed into forms: one column, the field (bound into the ciphertext) per row.
    table: 'PersonalValue',
    field: 'phone',
    indexed: true,
    usage: `SELECT split_part(cipher, ':', 2) AS "keyId", count(*)::int AS "count" FROM "PersonalValue" WHERE kind = 'phone' AND cipher LIKE 'ef1:%' GROUP BY 1`,
    stale: `SELECT "id", cipher FROM "PersonalValue" WHERE kind = 'phone' AND cipher LIKE 'ef1:%' AND split_part(cipher, ':', 2) <> $1 ORDER BY "id" LIMIT $2`,
    rewrite: `UPDATE "PersonalValue" SET cipher = $1, "blindIndex" = $2 WHERE "id" = $3 AND cipher = $4 AND kind = 'phone'`,
  },
  {
    // Phone and ID numbers typed into forms: one column, the field (bound into the ciphertext) per row.
    table: 'PersonalValue',
    field: 'idNumber',
    indexed: true,
    usage: `SELECT split_part(cipher, ':', 2) AS "keyId", count(*)::int AS "count" FROM "PersonalValue" WHERE kind = 'idNumber' AND cipher LIKE 'ef1:%' GROUP BY 1`,
    stale: `SELECT "id", cipher FROM "PersonalValue" WHERE kind = 'idNumber' AND cipher LIKE 'ef1:%' AND split_part(cipher, ':', 2) <> $1 ORDER BY "id" LIMIT $2`,
    rewrite: `UPDATE "PersonalValue" SET cipher = $1, "blindIndex" = $2 WHERE "id" = $3 AND cipher = $4 AND kind = 'idNumber'`,
  },
];

/**
 * Reads and rewrites ciphertexts for key rotation. Owner: a key protects every company's personal
 * data, so rotating it (and checking at start-up that this engine holds the keys in use) crosses companies.
 */
@Injectable()
export class KeyRotationRepository {
  constructor(private readonly database: OwnerDatabase) {}

  /** Ciphertexts per key id in a column (EstateFlow format only: "ef1:<keyId>:…"). */
  async keyUsage(column: ProtectedColumn): Promise<Map<string, number>> {
    const result = await this.database.pool.query<{ keyId: string; count: number }>(column.usage);
    return new Map(result.rows.map((row) => [row.keyId, row.count]));
  }

  /** Key ids of the most recently written personal data: a cheap check that this engine has the keys. */
  async recentKeyIds(): Promise<string[]> {
    const result = await this.database.pool.query<{ keyId: string }>(
      `SELECT DISTINCT split_part(c, ':', 2) AS "keyId" FROM (
         (SELECT "phoneCipher" AS c FROM "Person" ORDER BY "createdAt" DESC LIMIT 50)
         UNION ALL (SELECT "phoneCipher" AS c FROM "StaffUser" WHERE "phoneCipher" IS NOT NULL ORDER BY "createdAt" DESC LIMIT 50)
       ) recent WHERE c LIKE 'ef1:%'`,
    );
    return result.rows.map((row) => row.keyId);
  }

  /** The next rows whose ciphertext is not under the current key. */
  async stale(input: { column: ProtectedColumn; currentKeyId: string; limit: number }): Promise<{ id: string; cipher: string }[]> {
    const result = await this.database.pool.query<{ id: string; cipher: string }>(input.column.stale, [input.currentKeyId, input.limit]);
    return result.rows;
  }

  /** Rewrites one row, only if nobody changed it meanwhile (then the next pass picks it up). */
  async rewrite(input: {
    column: ProtectedColumn;
    id: string;
    oldCipher: string;
    newCipher: string;
    newIndex: string | null;
  }): Promise<boolean> {
    const result = await this.database.pool.query(input.column.rewrite, [input.newCipher, input.newIndex, input.id, input.oldCipher]);
    return result.rowCount === 1;
  }
}
