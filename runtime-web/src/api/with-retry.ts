import { ApiError } from './api-error';

export type RetryOptions = {
  attempts?: number;
  /** Milliseconds before retry number `attempt` (1-based). */
  delayMs?: (attempt: number, error: unknown) => number;
  sleep?: (ms: number) => Promise<void>;
};

/** Network failures, 429 and 5xx are worth another try; other answers are final. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return error.isNetworkError || error.status === 429 || error.status >= 500;
}

export function backoffDelayMs(attempt: number, error: unknown): number {
  if (error instanceof ApiError && error.retryAfterSeconds !== null) return error.retryAfterSeconds * 1000;
  return Math.min(8000, 500 * 2 ** (attempt - 1));
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `operation` up to `attempts` times while the failure is retryable. */
export async function withRetry<T>(operation: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 3;
  const delayMs = options.delayMs ?? backoffDelayMs;
  const sleep = options.sleep ?? realSleep;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await sleep(delayMs(attempt, error));
    }
  }
}
