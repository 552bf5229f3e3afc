import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { type EngineConfig, loadConfig } from '../config/config';
import { JsonLogger } from '../common/json-logger';
import { startEmbeddedPostgres, type RunningDatabase } from '../database/embedded-postgres';
import { migrate } from '../database/migrator';

/**
 * The configured database for the length of `task`: DATABASE_URL, or the embedded PostgreSQL in
 * the data folder, started for the task and stopped after it.
 */
export async function withDatabase<T>(config: EngineConfig, task: (databaseUrl: string) => Promise<T>): Promise<T> {
  if (config.databaseUrl !== null) return task(config.databaseUrl);
  const logger = new JsonLogger('warn');
  let embedded: RunningDatabase;
  try {
    embedded = await startEmbeddedPostgres(config.dataDir, (message) => logger.warn(message, 'PostgreSQL'));
  } catch (error) {
    throw new Error(
      `could not start the embedded PostgreSQL in ${config.dataDir} (${error instanceof Error ? error.message : String(error)}). If the engine is running on this data folder, stop it first, or set DATABASE_URL.`,
    );
  }
  try {
    return await task(embedded.url);
  } finally {
    await embedded.stop();
  }
}

/**
 * Runs a command-line task inside the engine's modules, without HTTP and without workers:
 * the same configuration, database (embedded when DATABASE_URL is unset, or the one given) and migrations.
 */
export async function withEngineContext<T>(
  task: (input: { app: INestApplicationContext; config: EngineConfig }) => Promise<T>,
  options: { databaseUrl?: string } = {},
): Promise<T> {
  const config: EngineConfig = { ...loadConfig(process.env), runWorkers: false };
  const logger = new JsonLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const run = async (databaseUrl: string): Promise<T> => {
    await migrate(databaseUrl);
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, databaseUrl), { logger });
    try {
      await app.init();
      return await task({ app, config });
    } finally {
      await app.close();
    }
  };
  return options.databaseUrl === undefined ? withDatabase(config, run) : run(options.databaseUrl);
}

/** A command's arguments, whether it runs as `estateflow <words…> …` or as `node dist/cli/<task>.js …`. */
export function commandArgs(words: readonly string[]): string[] {
  const args = process.argv.slice(2);
  return words.every((word, index) => args[index] === word) ? args.slice(words.length) : args;
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
