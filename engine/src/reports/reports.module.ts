import { Module } from '@nestjs/common';
import { DefinitionsModule } from '../definitions/definitions.module';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

@Module({ imports: [DefinitionsModule], controllers: [ReportsController], providers: [ReportsService, ReportsRepository] })
export class ReportsModule {}
