import { Global, Module } from '@nestjs/common';
import type { EngineConfig } from '../config/config';
import { ENGINE_CONFIG } from '../config/config.module';
import { loadKeyRing } from './key-ring';
import { KeyCheck } from './key-check';
import { KeyRotationRepository } from './key-rotation.repository';
import { KeyRotationService } from './key-rotation.service';
import { PersonalDataCipher } from './personal-data-cipher';

/**
 * Personal data protection (PIPL): encryption at rest, blind indexes, masking. Global because
 * every module that stores or shows a phone number needs the same cipher.
 */
@Global()
@Module({
  providers: [
    KeyRotationService,
    KeyCheck,
    KeyRotationRepository,
    {
      provide: PersonalDataCipher,
      inject: [ENGINE_CONFIG],
      useFactory: (config: EngineConfig) => {
        const load = () => loadKeyRing({ dataKey: config.dataKey, previousDataKeys: config.previousDataKeys, dataDir: config.dataDir });
        const ring = load();
        // Keys from the environment change only with a restart; a key file can change under us (rotate-key).
        return new PersonalDataCipher(ring, ring.source === 'file' ? load : null);
      },
    },
  ],
  exports: [PersonalDataCipher, KeyRotationService],
})
export class PrivacyModule {}
