import { Injectable } from '@nestjs/common';
import { KeyRotationRepository, PROTECTED_COLUMNS } from './key-rotation.repository';
import { PersonalDataCipher } from './personal-data-cipher';

const BATCH = 200;

/**
 * Moves every ciphertext (and its blind index) to the current key. Idempotent and resumable:
 * it only ever touches rows not yet under the current key, so an interrupted run is finished by
 * running it again.
 */
@Injectable()
export class KeyRotationService {
  constructor(private readonly repository: KeyRotationRepository) {}

  /** Ciphertexts per key id over all protected columns. */
  async keyUsage(): Promise<Map<string, number>> {
    const total = new Map<string, number>();
    for (const column of PROTECTED_COLUMNS) {
      for (const [id, count] of await this.repository.keyUsage(column)) total.set(id, (total.get(id) ?? 0) + count);
    }
    return total;
  }

  /** Re-encrypts with `cipher`'s current key; returns how many values were rewritten. */
  async reencrypt(input: { cipher: PersonalDataCipher; onProgress?: (done: number) => void }): Promise<number> {
    const { cipher } = input;
    const currentKeyId = cipher.currentKeyId;
    let done = 0;
    for (const column of PROTECTED_COLUMNS) {
      const skipped = new Set<string>();
      for (;;) {
        const rows = (await this.repository.stale({ column, currentKeyId, limit: BATCH + skipped.size })).filter(
          (row) => !skipped.has(row.id),
        );
        if (rows.length === 0) break;
        for (const row of rows) {
          const plaintext = cipher.decrypt(column.field, row.cipher);
          const newIndex = column.indexed && column.field !== 'secret' ? cipher.blindIndex(column.field, plaintext) : null;
          const written = await this.repository.rewrite({
            column,
            id: row.id,
            oldCipher: row.cipher,
            newCipher: cipher.encrypt(column.field, plaintext),
            newIndex,
          });
          if (written) done++;
          else skipped.add(row.id); // changed meanwhile; the next run takes it
        }
        input.onProgress?.(done);
      }
    }
    return done;
  }
}
