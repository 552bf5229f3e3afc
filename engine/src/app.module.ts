import { Module, type DynamicModule } from '@nestjs/common';
import type { EngineConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';

/** Every capability module of the engine, wired to one configuration and one database. */
@Module({})
export class AppModule {
  static forRoot(config: EngineConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(databaseUrl), HealthModule],
    };
  }
}
