/** Exponential backoff with jitter for the attempt that just failed (1-based), capped at an hour. */
export function retryDelayMs(input: { attempt: number; baseMs: number; random?: () => number }): number {
  const exponential = input.baseMs * 2 ** Math.max(0, input.attempt - 1);
  const capped = Math.min(exponential, 3_600_000);
  // ±20 % so that jobs failing together do not retry together.
  const jitter = 0.8 + 0.4 * (input.random ?? Math.random)();
  return Math.round(capped * jitter);
}
