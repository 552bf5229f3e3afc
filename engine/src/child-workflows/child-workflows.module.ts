import { Module } from '@nestjs/common';
import { ChildCompletedJobHandler } from './child-completed-job.handler';
import { StartChildJobHandler } from './start-child-job.handler';

/**
 * Child workflows: started by a parent's startChild action through the instances module's
 * startInstance; when one ends, its parent gets CHILD_COMPLETED through applySystemEvent.
 */
@Module({ providers: [StartChildJobHandler, ChildCompletedJobHandler] })
export class ChildWorkflowsModule {}
