import type { Duration } from '../generated/definition.js';
import { ownValue } from '../util/records.js';
import { parseIsoDuration } from './parse-iso-duration.js';

const UNIT_MS = { seconds: 1_000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;

export type DurationResolution = { ok: true; ms: number } | { ok: false; reason: 'malformed' | 'unknownParameter' | 'notANumber' };

/** Milliseconds of a duration, reading `{ param, unit }` from the resolved parameters. */
export function resolveDuration(duration: Duration, parameters: Readonly<Record<string, unknown>>): DurationResolution {
  if (typeof duration === 'string') {
    const ms = parseIsoDuration(duration);
    return ms === undefined ? { ok: false, reason: 'malformed' } : { ok: true, ms };
  }
  const value = ownValue(parameters, duration.param);
  if (value === undefined) return { ok: false, reason: 'unknownParameter' };
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return { ok: false, reason: 'notANumber' };
  return { ok: true, ms: Math.round(value * UNIT_MS[duration.unit]) };
}
