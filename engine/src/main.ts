import 'reflect-metadata';
import { expectClosedConnections } from './database/pool-errors';
import { createEngine } from './engine';

createEngine()
  .then((engine) => {
    const stop = (signal: string) => {
      expectClosedConnections();
      engine.log(`Received ${signal}, stopping.`);
      engine
        .close()
        .then(() => process.exit(0))
        .catch(() => process.exit(1));
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  })
  .catch((error: unknown) => {
    process.stderr.write(`EstateFlow could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
