import { Injectable } from '@nestjs/common';
import { type EstateClock, EstateCalendarRepository } from './estate-calendar.repository';

/**
 * How long a process trusts the calendar it read. Calendars change rarely (an administrator
 * editing holidays), and the event hot path must not pay a round trip per event for them, so a
 * change reaches new deadlines within a few seconds, in every engine process.
 */
export const ESTATE_CALENDAR_TTL_MS = 5_000;

const ROUND_THE_CLOCK_IN_SHANGHAI: EstateClock = { calendar: {}, timezone: 'Asia/Shanghai' };

/** Estate calendars and time zones, cached in-process per estate for a few seconds. */
@Injectable()
export class EstateCalendarCache {
  private readonly entries = new Map<string, { loadedAt: number; clock: Promise<EstateClock> }>();

  constructor(private readonly repository: EstateCalendarRepository) {}

  get(estateId: string): Promise<EstateClock> {
    const now = Date.now();
    const entry = this.entries.get(estateId);
    if (entry !== undefined && now - entry.loadedAt < ESTATE_CALENDAR_TTL_MS) return entry.clock;
    // An estate that vanished mid-event cannot take the instance with it: count round the clock.
    const clock = this.repository.find(estateId).then((found) => found ?? ROUND_THE_CLOCK_IN_SHANGHAI);
    this.entries.set(estateId, { loadedAt: now, clock });
    clock.catch(() => this.entries.delete(estateId));
    return clock;
  }

  /** The estate's calendar was just changed through this process: read it afresh next time. */
  forget(estateId: string): void {
    this.entries.delete(estateId);
  }
}
