import type { EventRecord } from './instance-record';

/**
 * How many of the newest timeline entries an event's reply carries (docs/api.md): the page
 * already shows the earlier ones and keeps them (runtime-web `mergeTimeline`), and an instance's
 * log only grows, so the hot path reads and renders a small window; GET /instances/{id} has the
 * whole log. Aggregating and sending 50 entries cost PostgreSQL and the engine about a third of
 * an event's CPU (docs/performance.md).
 */
export const EVENT_REPLY_TIMELINE = 10;

/** A run of consecutive log entries of one instance, oldest first. */
export interface KnownRun {
  /** seq of the first entry; with `last`, the range the read need not fetch. */
  first: number;
  last: number;
  entries: readonly EventRecord[];
}

/** What a read passes for an instance of which nothing is known: a range no seq falls in. */
export const NOTHING_KNOWN: KnownRun = { first: 0, last: -1, entries: [] };

/**
 * The newest log entries of the instances this process read or wrote lately. An instance's log
 * is append-only and every entry is immutable once committed (seq = the version it made), so an
 * entry known here is right in every engine process for ever: the read only fetches the entries
 * it does not hold, and the event path — which returns the newest entries in its reply — no longer
 * builds the same ten JSON entries in PostgreSQL on every event (docs/performance.md).
 *
 * Nothing here says who may see an instance: entries are used only for an instance whose row the
 * read has just returned to the caller (under row-level security), keyed by its id.
 */
export class RecentEventsCache {
  private readonly runs = new Map<string, EventRecord[]>();

  /**
   * @param maxInstances least recently used instances are forgotten beyond this many
   * @param perInstance newest entries kept per instance
   */
  constructor(
    private readonly maxInstances: number,
    private readonly perInstance: number,
  ) {}

  /** The entries held for an instance (a consecutive run), or NOTHING_KNOWN. */
  known(instanceId: string): KnownRun {
    const entries = this.runs.get(instanceId) ?? [];
    const [first, last] = [entries.at(0), entries.at(-1)];
    if (first === undefined || last === undefined) return NOTHING_KNOWN;
    return { first: first.seq, last: last.seq, entries };
  }

  /**
   * What a read found: the entries it fetched plus those it was told were known, for the window
   * it asked for. Returns the whole window, oldest first, and keeps its newest entries.
   */
  merge(instanceId: string, known: KnownRun, fetched: readonly EventRecord[], window: { from: number; to: number }): EventRecord[] {
    const inWindow = known.entries.filter((entry) => entry.seq >= window.from && entry.seq <= window.to);
    const merged = [...inWindow, ...fetched].sort((a, b) => a.seq - b.seq);
    // A read that began before this process wrote a newer entry must not take that entry back.
    const held = this.known(instanceId);
    if (isConsecutive(merged) && (merged.at(-1)?.seq ?? 0) >= held.last) this.keep(instanceId, merged);
    return merged;
  }

  /** An entry this process has just committed (seq = the instance's new version). */
  written(instanceId: string, entry: EventRecord): void {
    const entries = this.runs.get(instanceId) ?? [];
    // Only a run it extends: an older run would leave a gap for another process's entries.
    if (entries.at(-1)?.seq !== entry.seq - 1) return;
    this.keep(instanceId, [...entries, entry]);
  }

  /**
   * Drops what is held for an instance. Only for the demo's history, which moves a request it has
   * just run back in time (engine/src/demo-history) — the one writer that changes committed entries.
   */
  forget(instanceId: string): void {
    this.runs.delete(instanceId);
  }

  private keep(instanceId: string, entries: EventRecord[]): void {
    this.runs.delete(instanceId);
    if (entries.length === 0) return;
    this.runs.set(instanceId, entries.slice(-this.perInstance));
    const eldest = this.runs.keys().next();
    if (this.runs.size > this.maxInstances && eldest.done !== true) this.runs.delete(eldest.value);
  }
}

function isConsecutive(entries: readonly EventRecord[]): boolean {
  return entries.every((entry, index) => index === 0 || entry.seq === (entries[index - 1]?.seq ?? 0) + 1);
}
