import { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
import type { Pool } from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.resetModules();
});

/** A fresh copy of the module (its `stopping` flag is per process), with the logger's output caught. */
async function load() {
  const warn = vi.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  const debug = vi.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
  const module = await import('./pool-errors');
  const pool = module.survivingIdleErrors(new EventEmitter() as unknown as Pool, 'owner');
  return { ...module, pool: pool as unknown as EventEmitter, warn, debug };
}

describe('an idle connection the server closes', () => {
  it('is a warning when the engine is not stopping, and never ends the process', async () => {
    vi.useFakeTimers();
    const { pool, warn, debug, SIGNAL_GRACE_MS } = await load();
    pool.emit('error', new Error('terminating connection due to administrator command'));
    expect(warn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(SIGNAL_GRACE_MS);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('an idle owner connection was closed by the server'));
    expect(debug).not.toHaveBeenCalled();
  });

  it('is expected when the stop signal is handled just after the server closed it (Ctrl+C reaches both)', async () => {
    vi.useFakeTimers();
    const { pool, warn, debug, expectClosedConnections, SIGNAL_GRACE_MS } = await load();
    pool.emit('error', new Error('terminating connection due to administrator command'));
    vi.advanceTimersByTime(SIGNAL_GRACE_MS / 10);
    expectClosedConnections();
    vi.advanceTimersByTime(SIGNAL_GRACE_MS);
    expect(warn).not.toHaveBeenCalled();
    expect(debug).toHaveBeenCalledTimes(1);
  });
});
