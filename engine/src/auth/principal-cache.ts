import { Injectable } from '@nestjs/common';
import type { Principal } from './principal';

/**
 * How long a looked-up principal is trusted without asking the database again. Short on
 * purpose: sessions, roles and tokens live in the database and several engine processes share
 * it, so a change made through ANOTHER process (logout there, a role removed there) reaches
 * this one within this many milliseconds. Changes made through this process clear the cache
 * at once (see SessionGuard). The gain: one round trip less on every request (docs/performance.md).
 */
export const PRINCIPAL_TTL_MS = 3_000;

/** Bounds memory under many distinct sessions; when full, the cache starts over. */
const MAX_ENTRIES = 10_000;

interface Entry {
  principal: Principal;
  expiresAt: number;
}

/**
 * The session guard's in-process memory of "this token hash is this principal", for a few
 * seconds. A generation counter makes `clear()` win over lookups that were in flight when it
 * ran, so a lookup that read the old roles cannot re-insert them after a change.
 */
@Injectable()
export class PrincipalCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;

  /** The cached principal, or undefined when it must be looked up. Unknown tokens are never cached. */
  get(key: string, now: number): Principal | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.principal;
  }

  /** The generation to hand back to `remember` once the lookup has finished. */
  startLookup(): number {
    return this.generation;
  }

  remember(input: { key: string; principal: Principal; generation: number; now: number }): void {
    if (input.generation !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(input.key, { principal: input.principal, expiresAt: input.now + PRINCIPAL_TTL_MS });
  }

  /** Forgets everything (after any request that may have changed who someone is). */
  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}
