import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { EscalateJobHandler } from './escalate-job.handler';
import { SlaSweep } from './sla-sweep';
import { SlaRepository } from './sla.repository';
import { TimerJobHandler } from './timer-job.handler';

/**
 * Timers (docs/jobs.md): `after` delays fired into their instance, SLA deadlines watched on task
 * rows with an escalation ladder, and escalations delivered as notifications.
 */
@Module({
  imports: [NotificationsModule],
  providers: [TimerJobHandler, EscalateJobHandler, SlaRepository, SlaSweep],
})
export class TimersModule {}
