import { Global, Module } from '@nestjs/common';
import type { EngineConfig } from './config';

export const ENGINE_CONFIG = Symbol('EngineConfig');

/** Makes the configuration loaded at start available to every module. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: EngineConfig) {
    return { module: ConfigModule, providers: [{ provide: ENGINE_CONFIG, useValue: config }], exports: [ENGINE_CONFIG] };
  }
}
