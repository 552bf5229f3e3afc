import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { KeyRotationRepository } from './key-rotation.repository';
import { PersonalDataCipher } from './personal-data-cipher';

/**
 * Refuses to start when the database holds personal data under a key this engine lacks (a second
 * engine with its own key file, a lost keys folder): better one clear message at start than
 * errors on every owner's page.
 */
@Injectable()
export class KeyCheck implements OnApplicationBootstrap {
  constructor(
    private readonly repository: KeyRotationRepository,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const missing = (await this.repository.recentKeyIds()).filter((id) => !this.cipher.keyIds.includes(id));
    if (missing.length > 0) {
      throw new Error(
        `personal data in this database is encrypted with data key ${missing.join(', ')}, which this engine does not have. ` +
          'Every engine on one database needs the same keys: set ESTATEFLOW_DATA_KEY (and ESTATEFLOW_PREVIOUS_DATA_KEYS), or copy <dataDir>/keys/data.key from the engine that wrote the data (docs/security.md).',
      );
    }
  }
}
