/**
 * Counts work in progress and refuses more than `limit` at once, instead of queueing without
 * bound: an overloaded engine answers "retry later" quickly rather than slowly for everyone.
 */
export class ConcurrencyLimiter {
  private inFlight = 0;

  constructor(readonly limit: number) {}

  /** A release function when there is room, or null when the caller must be refused. */
  tryAcquire(): (() => void) | null {
    if (this.inFlight >= this.limit) return null;
    this.inFlight++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight--;
    };
  }

  get active(): number {
    return this.inFlight;
  }
}
