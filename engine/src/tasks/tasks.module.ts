import { Module } from '@nestjs/common';
import { DefinitionsModule } from '../definitions/definitions.module';
import { TasksController } from './tasks.controller';
import { TasksRepository } from './tasks.repository';
import { TasksService } from './tasks.service';

@Module({ imports: [DefinitionsModule], controllers: [TasksController], providers: [TasksService, TasksRepository] })
export class TasksModule {}
