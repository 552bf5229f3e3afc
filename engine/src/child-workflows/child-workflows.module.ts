import { Module } from '@nestjs/common';
import { StartChildJobHandler } from './start-child-job.handler';

/** Child workflows started by a parent's startChild action, through the instances module's startInstance. */
@Module({ providers: [StartChildJobHandler] })
export class ChildWorkflowsModule {}
