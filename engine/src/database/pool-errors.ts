import { Logger } from '@nestjs/common';
import type { Pool } from 'pg';

const logger = new Logger('Database');
let stopping = false;

/**
 * The engine is stopping: from now on the server closing idle connections is expected — with the
 * built-in database, Ctrl+C in the terminal reaches PostgreSQL at the same moment as the engine.
 */
export function expectClosedConnections(): void {
  stopping = true;
}

/**
 * An idle pooled connection that the server ends — PostgreSQL restarting, an administrator
 * terminating it, the embedded server stopping on shutdown — is reported as an `error` event on
 * its pool, and an `error` event nobody listens to ends the process. The pool has already dropped
 * that connection and opens a new one when next needed, so it is logged, not fatal.
 */
export function survivingIdleErrors<P extends Pool>(pool: P, name: string): P {
  pool.on('error', (error) => {
    const message = `an idle ${name} connection was closed by the server: ${error.message}`;
    if (stopping) logger.debug(message);
    else logger.warn(message);
  });
  return pool;
}
