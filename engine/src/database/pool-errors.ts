import { Logger } from '@nestjs/common';
import type { Pool } from 'pg';

const logger = new Logger('Database');
let stopping = false;

/**
 * How long to wait before judging a closed connection. Ctrl+C in the terminal reaches the built-in
 * PostgreSQL and the engine at the same moment, and the server's goodbye on a socket can come in
 * before the engine has run its signal handler.
 */
export const SIGNAL_GRACE_MS = 500;

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
 * that connection and opens a new one when next needed, so it is logged, not fatal: a warning,
 * unless the engine is stopping (then it is expected; debug).
 */
export function survivingIdleErrors<P extends Pool>(pool: P, name: string): P {
  pool.on('error', (error) => {
    const message = `an idle ${name} connection was closed by the server: ${error.message}`;
    // Judged a moment later: only a closing the engine did not see coming is worth a warning.
    setTimeout(() => (stopping ? logger.debug(message) : logger.warn(message)), SIGNAL_GRACE_MS).unref();
  });
  return pool;
}
