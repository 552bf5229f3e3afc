import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { InstancesModule } from '../instances/instances.module';
import { DemoHistoryStep } from './demo-history.step';
import { DemoHistoryRepository } from './demo-history.repository';

/** The demo's past: months of repairs run through the engine and moved back in time (ESTATEFLOW_DEMO_HISTORY). */
@Module({ imports: [InstancesModule, AttachmentsModule], providers: [DemoHistoryStep, DemoHistoryRepository] })
export class DemoHistoryModule {}
