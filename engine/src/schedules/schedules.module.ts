import { Module } from '@nestjs/common';
import { ScheduleStartJobHandler } from './schedule-start-job.handler';
import { ScheduleSweep } from './schedule-sweep';
import { SchedulesController } from './schedules.controller';
import { SchedulesRepository } from './schedules.repository';
import { SchedulesService } from './schedules.service';

/** Recurring workflows (Schedule rows): due runs become `schedule_start` jobs that start instances. */
@Module({ controllers: [SchedulesController], providers: [SchedulesRepository, SchedulesService, ScheduleSweep, ScheduleStartJobHandler] })
export class SchedulesModule {}
