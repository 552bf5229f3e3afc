import { Module } from '@nestjs/common';
import { DefinitionsModule } from '../definitions/definitions.module';
import { IncidentsController } from './incidents.controller';
import { IncidentsRepository } from './incidents.repository';
import { IncidentsService } from './incidents.service';

@Module({ imports: [DefinitionsModule], controllers: [IncidentsController], providers: [IncidentsService, IncidentsRepository] })
export class IncidentsModule {}
