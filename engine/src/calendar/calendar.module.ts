import { Module } from '@nestjs/common';
import { EstateCalendarCache } from './estate-calendar.cache';
import { EstateCalendarRepository } from './estate-calendar.repository';

/**
 * Estate business calendars for SLA clocks: one in-process cache shared by the event path (which
 * reads it) and estate administration (which tells it when a calendar or time zone changed).
 */
@Module({
  providers: [EstateCalendarCache, EstateCalendarRepository],
  exports: [EstateCalendarCache],
})
export class CalendarModule {}
