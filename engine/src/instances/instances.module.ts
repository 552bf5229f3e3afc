import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { DefinitionsModule } from '../definitions/definitions.module';
import { InstanceEventService } from './instance-event.service';
import { InstanceQueryService } from './instance-query.service';
import { InstanceReaderRepository } from './instance-reader.repository';
import { InstanceStartService } from './instance-start.service';
import { InstanceTransitionPlanner } from './instance-transition.planner';
import { InstanceWriterRepository } from './instance-writer.repository';
import { InstancesController } from './instances.controller';
import { InstancesRepository } from './instances.repository';
import { PersonalValuesService } from './personal-values.service';
import { ProgressRenderer } from './progress-renderer';
import { TaskAssigneeRepository } from './task-assignee.repository';
import { TaskAssigner } from './task-assigner';

/**
 * Running workflows: start, the event hot path, reads, and the audited reading of phone and ID
 * numbers typed into their forms. Exports InstanceEventService
 * (applySystemEvent, for timers), InstanceStartService (startInstance, for child workflows
 * and schedules) and InstanceReaderRepository (for the demo history, which rewrites a log's times).
 */
@Module({
  imports: [DefinitionsModule, CalendarModule],
  controllers: [InstancesController],
  providers: [
    InstanceEventService,
    InstanceStartService,
    InstanceQueryService,
    InstanceReaderRepository,
    InstanceWriterRepository,
    InstancesRepository,
    InstanceTransitionPlanner,
    TaskAssigner,
    TaskAssigneeRepository,
    ProgressRenderer,
    PersonalValuesService,
  ],
  exports: [InstanceEventService, InstanceStartService, InstanceReaderRepository],
})
export class InstancesModule {}
