import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../database/database.service';

/** A column pair holding a ciphertext (and the blind index that goes with it, if any). */
export interface ProtectedColumn {
  table: 'Person' | 'StaffUser' | 'Webhook';
  cipher: 'phoneCipher' | 'idNumberCipher' | 'secretCipher';
  index: 'phoneIndex' | 'idNumberIndex' | null;
  field: 'phone' | 'idNumber' | 'secret';
}

/** Every ciphertext column of the schema. A new one must be added here to be rotated. */
export const PROTECTED_COLUMNS: readonly ProtectedColumn[] = [
  { table: 'Person', cipher: 'phoneCipher', index: 'phoneIndex', field: 'phone' },
  { table: 'Person', cipher: 'idNumberCipher', index: 'idNumberIndex', field: 'idNumber' },
  { table: 'StaffUser', cipher: 'phoneCipher', index: 'phoneIndex', field: 'phone' },
  { table: 'Webhook', cipher: 'secretCipher', index: null, field: 'secret' },
];

/**
 * Reads and rewrites ciphertexts for key rotation. Table and column names come only from
 * PROTECTED_COLUMNS above (identifiers cannot be parameters); every value is a parameter.
 */
@Injectable()
export class KeyRotationRepository {
  constructor(private readonly database: DatabaseService) {}

  /** Ciphertexts per key id in a column (EstateFlow format only: "ef1:<keyId>:…"). */
  async keyUsage(column: ProtectedColumn): Promise<Map<string, number>> {
    const result = await this.database.pool.query<{ keyId: string; count: number }>(
      `SELECT split_part("${column.cipher}", ':', 2) AS "keyId", count(*)::int AS "count" FROM "${column.table}"
        WHERE "${column.cipher}" LIKE 'ef1:%' GROUP BY 1`,
    );
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
    const result = await this.database.pool.query<{ id: string; cipher: string }>(
      `SELECT "id", "${input.column.cipher}" AS "cipher" FROM "${input.column.table}"
        WHERE "${input.column.cipher}" LIKE 'ef1:%' AND split_part("${input.column.cipher}", ':', 2) <> $1
        ORDER BY "id" LIMIT $2`,
      [input.currentKeyId, input.limit],
    );
    return result.rows;
  }

  /** Rewrites one row, only if nobody changed it meanwhile (then the next pass picks it up). */
  async rewrite(input: { column: ProtectedColumn; id: string; oldCipher: string; newCipher: string; newIndex: string | null }): Promise<boolean> {
    const { column } = input;
    const result =
      column.index === null
        ? await this.database.pool.query(`UPDATE "${column.table}" SET "${column.cipher}" = $1 WHERE "id" = $2 AND "${column.cipher}" = $3`, [input.newCipher, input.id, input.oldCipher])
        : await this.database.pool.query(`UPDATE "${column.table}" SET "${column.cipher}" = $1, "${column.index}" = $2 WHERE "id" = $3 AND "${column.cipher}" = $4`, [
            input.newCipher,
            input.newIndex,
            input.id,
            input.oldCipher,
          ]);
    return result.rowCount === 1;
  }
}
