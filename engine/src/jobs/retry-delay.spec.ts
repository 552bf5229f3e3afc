import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './retry-delay';

describe('retryDelayMs', () => {
  it('doubles with every failed attempt', () => {
    const delays = [1, 2, 3, 4].map((attempt) => retryDelayMs({ attempt, baseMs: 1000, random: () => 0.5 }));
    expect(delays).toEqual([1000, 2000, 4000, 8000]);
  });

  it('never waits more than an hour (plus jitter)', () => {
    expect(retryDelayMs({ attempt: 40, baseMs: 1000, random: () => 1 })).toBe(3_600_000 * 1.2);
  });

  it('spreads retries of jobs that failed together', () => {
    expect(retryDelayMs({ attempt: 1, baseMs: 1000, random: () => 0 })).toBe(800);
  });
});
