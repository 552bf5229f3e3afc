import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { type EngineConfig, loadConfig } from '../config/config';
import { JsonLogger } from '../common/json-logger';
import { startEmbeddedPostgres, type RunningDatabase } from '../database/embedded-postgres';
import { migrate } from '../database/migrator';

/**
 * Runs a command-line task inside the engine's modules, without HTTP and without workers:
 * the same configuration, database (embedded when DATABASE_URL is unset) and migrations.
 */
export async function withEngineContext<T>(
  task: (input: { app: INestApplicationContext; config: EngineConfig }) => Promise<T>,
): Promise<T> {
  const config: EngineConfig = { ...loadConfig(process.env), runWorkers: false };
  const logger = new JsonLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  let embedded: RunningDatabase | null = null;
  let databaseUrl = config.databaseUrl;
  if (databaseUrl === null) {
    try {
      embedded = await startEmbeddedPostgres(config.dataDir, (message) => logger.warn(message, 'PostgreSQL'));
    } catch (error) {
      throw new Error(
        `could not start the embedded PostgreSQL in ${config.dataDir} (${error instanceof Error ? error.message : String(error)}). If the engine is running on this data folder, stop it first, or set DATABASE_URL.`,
      );
    }
    databaseUrl = embedded.url;
  }
  try {
    await migrate(databaseUrl);
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, databaseUrl), { logger });
    try {
      await app.init();
      return await task({ app, config });
    } finally {
      await app.close();
    }
  } finally {
    if (embedded) await embedded.stop();
  }
}

/** Runs a CLI main function: errors become one readable line and exit code 1. */
export function runCli(main: () => Promise<void>): void {
  main()
    .then(() => process.exit(0))
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
