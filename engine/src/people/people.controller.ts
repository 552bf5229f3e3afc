import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { JsonBody } from '../common/json-body';
import { UuidParam } from '../common/uuid-param';
import {
  type EstateSummary,
  PeopleService,
  type PersonSummary,
  type StaffSummary,
  type UnitSummary,
  type UnmaskField,
} from './people.service';

interface UnmaskBody {
  field: UnmaskField;
  reason: string;
}

@ApiTags('people')
@Controller()
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get('estates')
  @ApiOperation({ summary: "The caller's estates (staff: where they hold a role; owners: where their units are)" })
  estates(@CurrentPrincipal() principal: Principal): Promise<EstateSummary[]> {
    return this.people.estates(principal);
  }

  @Get('estates/:estateId/people')
  @ApiOperation({ summary: 'Find owners and tenants by exact phone or by unit (id or label); phones and ID numbers masked' })
  @ApiQuery({ name: 'phone', required: false })
  @ApiQuery({ name: 'unit', required: false })
  findPeople(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('estateId') estateId: string,
    @Query('phone') phone?: string,
    @Query('unit') unit?: string,
  ): Promise<PersonSummary[]> {
    return this.people.people({ principal, estateId, phone, unit });
  }

  @Get('estates/:estateId/staff')
  @ApiOperation({ summary: 'Staff picker: active staff holding a role in the estate (company-wide roles included)' })
  @ApiQuery({ name: 'role', required: false })
  findStaff(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('estateId') estateId: string,
    @Query('role') role?: string,
  ): Promise<StaffSummary[]> {
    return this.people.staff({ principal, estateId, role });
  }

  @Get('estates/:estateId/buildings')
  @ApiOperation({ summary: "The estate's buildings, for filters (staff of the estate)" })
  findBuildings(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('estateId') estateId: string,
  ): Promise<{ id: string; name: string }[]> {
    return this.people.buildings({ principal, estateId });
  }

  @Get('estates/:estateId/units')
  @ApiOperation({ summary: 'Unit picker: units whose label contains q (e.g. "3栋2单元12")' })
  @ApiQuery({ name: 'q', required: false })
  findUnits(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('estateId') estateId: string,
    @Query('q') q?: string,
  ): Promise<UnitSummary[]> {
    return this.people.units({ principal, estateId, q });
  }

  @Post('people/:id/unmask')
  @HttpCode(200)
  @ApiOperation({ summary: 'The full phone (admin, manager, front desk) or ID number (admin) of a person; audited' })
  unmask(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') personId: string,
    @JsonBody<UnmaskBody>({
      type: 'object',
      additionalProperties: false,
      required: ['field', 'reason'],
      properties: { field: { type: 'string', enum: ['phone', 'idNumber'] }, reason: { type: 'string', minLength: 2, maxLength: 200 } },
    })
    body: UnmaskBody,
  ): Promise<{ field: UnmaskField; value: string }> {
    return this.people.unmask({ principal, personId, field: body.field, reason: body.reason });
  }
}
