import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { EstatesController } from './estates.controller';
import { EstatesRepository } from './estates.repository';
import { EstatesService } from './estates.service';
import { ResidentsController } from './residents.controller';
import { ResidentsRepository } from './residents.repository';
import { ResidentsService } from './residents.service';
import { StaffController } from './staff.controller';
import { StaffRepository } from './staff.repository';
import { StaffService } from './staff.service';

/**
 * Tenancy administration (/api/admin): estates, buildings and units, staff and their roles per
 * estate, owners and tenants and their units, business calendars. Everything runs through the
 * tenant database (row-level security) and the access matrix.
 */
@Module({
  imports: [CalendarModule],
  controllers: [EstatesController, StaffController, ResidentsController],
  providers: [EstatesService, EstatesRepository, StaffService, StaffRepository, ResidentsService, ResidentsRepository],
  exports: [EstatesService],
})
export class AdminModule {}
