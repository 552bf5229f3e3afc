import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../database/database.service';

export interface EstateClock {
  /** Estate.calendar as stored (docs/calendar.md); slaDeadline copes with unusable shapes. */
  calendar: unknown;
  timezone: string;
}

/** Reads the one thing SLA deadlines need from an estate: its calendar and time zone. */
@Injectable()
export class EstateCalendarRepository {
  constructor(private readonly database: DatabaseService) {}

  async find(estateId: string): Promise<EstateClock | null> {
    const result = await this.database.pool.query<EstateClock>('SELECT calendar, timezone FROM "Estate" WHERE id = $1', [estateId]);
    return result.rows[0] ?? null;
  }
}
