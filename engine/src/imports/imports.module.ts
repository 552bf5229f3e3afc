import { Module } from '@nestjs/common';
import { AdminModule } from '../admin/admin.module';
import { ImportProcessor } from './import-processor';
import { ImportsController } from './imports.controller';
import { ImportsRepository } from './imports.repository';
import { ImportsService } from './imports.service';

/** Owners-and-units import and export (.xlsx / CSV), with validation jobs and an all-or-nothing commit. */
@Module({ imports: [AdminModule], controllers: [ImportsController], providers: [ImportsService, ImportsRepository, ImportProcessor] })
export class ImportsModule {}
