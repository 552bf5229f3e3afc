// ISO 8601 durations as people write SLAs: PT15M, PT72H, P3D, P1DT12H, PT0.5H.
// Years and months are refused: their length depends on the calendar, and a timer must not.
const ISO_DURATION = /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

const MS = { week: 604_800_000, day: 86_400_000, hour: 3_600_000, minute: 60_000, second: 1_000 };

/** Milliseconds of an ISO 8601 duration, or undefined when it is malformed or empty. */
export function parseIsoDuration(text: string): number | undefined {
  if (text.length > 40) return undefined;
  const match = ISO_DURATION.exec(text);
  if (match === null || text === 'P' || text.endsWith('T')) return undefined;
  const [, weeks, days, hours, minutes, seconds] = match;
  if ([weeks, days, hours, minutes, seconds].every((part) => part === undefined)) return undefined;
  const total =
    toNumber(weeks) * MS.week +
    toNumber(days) * MS.day +
    toNumber(hours) * MS.hour +
    toNumber(minutes) * MS.minute +
    toNumber(seconds) * MS.second;
  return Number.isFinite(total) ? Math.round(total) : undefined;
}

function toNumber(part: string | undefined): number {
  return part === undefined ? 0 : Number(part);
}
