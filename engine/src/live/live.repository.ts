import { Injectable, Logger } from '@nestjs/common';
import { OwnerDatabase } from '../database/owner-database.service';

/** How often each process asks for new changes: the worst-case delay a watcher sees, plus the query. */
export const LIVE_POLL_INTERVAL_MS = 100;
/** How often a process deletes old changes (any process may; the DELETE is idempotent). */
const PRUNE_EVERY_MS = 10_000;
/** Changes older than this are deleted: a poller that has been failing this long has lost them anyway. */
const KEEP_SECONDS = 60;
/** While the database is unreachable, one warning per this long rather than one per poll. */
const WARN_EVERY_MS = 10_000;

/**
 * Changes committed after the snapshot `cursor`, and the next cursor. The cursor is a PostgreSQL
 * snapshot (`pg_current_snapshot()`, which the database clock and transaction counter decide, not
 * this process's): a row is new if its writing transaction had not finished when the previous
 * snapshot was taken but has committed by this one. Each committed change is returned exactly
 * once, however late its transaction commits relative to when the trigger wrote the row (rows of
 * transactions still running are invisible now and still "not finished" in the next cursor);
 * rolled-back rows are never visible. One statement, so both parts use the same snapshot.
 * Identical payloads are told once (the triggers write one row per changed row, so a statement
 * that changes ten tasks of an estate appends ten equal "task.changed" rows).
 */
const CHANGES_SINCE = `
  WITH news AS (
    SELECT min(id) AS id, payload FROM "LiveChange"
    WHERE txid >= pg_snapshot_xmin($1::pg_snapshot)::text::bigint
      AND NOT pg_visible_in_snapshot(txid::text::xid8, $1::pg_snapshot)
    GROUP BY payload
  )
  SELECT pg_current_snapshot()::text AS cursor,
         coalesce((SELECT json_agg(payload ORDER BY id) FROM news), '[]'::json) AS payloads`;

/** Who the poller reports to: the payloads, and whether anyone in this process is watching now. */
export interface LiveListener {
  onPayload(payload: unknown): void;
  watched(): boolean;
}

/**
 * The `LiveChange` table (migration live_changes): database triggers append one row per committed
 * change to an instance, a task or an in-app notification, whichever process wrote it; each engine
 * process polls it every 100 ms and hands the payloads to its hub. (Until then it was pg_notify,
 * which serialised every writing transaction's commit: docs/performance.md.)
 */
@Injectable()
export class LiveRepository {
  private readonly logger = new Logger('LiveRepository');
  private listener: LiveListener | null = null;
  /** Null until the first snapshot is taken: a new process starts from "now", without replay. */
  private cursor: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> | null = null;
  private lastPruneAt = 0;
  private lastWarningAt = 0;
  private failing = false;
  private closed = false;

  // Crosses companies by design: one poll serves every connection in this process, and the fan-out
  // (live-visibility.ts) filters each event per principal. "LiveChange" holds ids only and is not
  // under tenant RLS; the owner's pool also keeps the tenant pool's connections on their company.
  constructor(private readonly database: OwnerDatabase) {}

  /**
   * Starts this process's poller. Resolves once the starting point is taken (when the database
   * answers), so every change committed after start-up is delivered.
   */
  async listen(listener: LiveListener): Promise<void> {
    if (this.closed || this.listener) return;
    this.listener = listener;
    await this.tick();
  }

  /** Stops polling and waits for a poll in flight, so the pool is not closed under it. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.inFlight;
  }

  private async tick(): Promise<void> {
    this.inFlight = this.poll();
    await this.inFlight;
    this.inFlight = null;
    if (this.closed) return;
    // The next poll starts a full interval after this one ended: a slow database is never asked twice at once.
    this.timer = setTimeout(() => void this.tick(), LIVE_POLL_INTERVAL_MS);
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    try {
      if (this.cursor === null || !this.listener?.watched()) {
        // Nobody to tell (or nothing yet to compare with): only move the starting point to now,
        // rather than fetching and parsing changes no connection here would receive.
        const now = await this.database.pool.query<{ cursor: string }>('SELECT pg_current_snapshot()::text AS cursor');
        this.cursor = now.rows[0]?.cursor ?? this.cursor;
      } else {
        const result = await this.database.pool.query<{ cursor: string; payloads: unknown }>(CHANGES_SINCE, [this.cursor]);
        const row = result.rows[0];
        if (row) {
          this.cursor = row.cursor;
          if (Array.isArray(row.payloads)) for (const payload of row.payloads) this.listener.onPayload(payload);
        }
      }
      if (Date.now() - this.lastPruneAt >= PRUNE_EVERY_MS) {
        this.lastPruneAt = Date.now();
        await this.database.pool.query(`DELETE FROM "LiveChange" WHERE at < now() - make_interval(secs => $1)`, [KEEP_SECONDS]);
      }
      if (this.failing) this.logger.log('Live updates are flowing again.');
      this.failing = false;
    } catch (error) {
      // The cursor stays where it was: the next poll asks again from there and loses nothing.
      this.failing = true;
      if (Date.now() - this.lastWarningAt >= WARN_EVERY_MS) {
        this.lastWarningAt = Date.now();
        this.logger.warn(`Live updates cannot poll: ${error instanceof Error ? error.message : String(error)}; retrying.`);
      }
    }
  }
}
