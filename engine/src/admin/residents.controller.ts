import { Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { JsonBody } from '../common/json-body';
import { UuidParam } from '../common/uuid-param';
import type { Page, PersonView } from './admin.types';
import { addResidencyBody, createPersonBody, updatePersonBody } from './admin.schemas';
import { pageQuery } from './page-query';
import { type NewResident, type ResidencyInput, ResidentsService } from './residents.service';

type PersonChanges = { name?: string; phone?: string; idNumber?: string | null };

@ApiTags('admin')
@Controller('admin')
export class ResidentsController {
  constructor(private readonly residents: ResidentsService) {}

  @Get('estates/:estateId/people')
  @ApiOperation({ summary: 'Owners and tenants of an estate (masked), by name, unit label or exact phone' })
  @ApiQuery({ name: 'q', required: false })
  @ApiQuery({ name: 'phone', required: false })
  @ApiQuery({ name: 'includeLeft', required: false })
  @ApiQuery({ name: 'page', required: false })
  @ApiQuery({ name: 'pageSize', required: false })
  list(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('estateId') estateId: string,
    @Query('q') q?: string,
    @Query('phone') phone?: string,
    @Query('includeLeft') includeLeft?: string,
    @Query('page') page?: string,
    @Query('pageSize') pageSize?: string,
  ): Promise<Page<PersonView>> {
    return this.residents.list(principal, {
      estateId,
      ...(q === undefined ? {} : { q }),
      ...(phone === undefined ? {} : { phone }),
      includeLeft: includeLeft === 'true',
      ...pageQuery({ page, pageSize }),
    });
  }

  @Post('people')
  @ApiOperation({ summary: 'Record an owner or tenant with their units (phone and ID number encrypted; answer masked)' })
  create(@CurrentPrincipal() principal: Principal, @JsonBody<NewResident>(createPersonBody) body: NewResident): Promise<PersonView> {
    return this.residents.create(principal, body);
  }

  @Get('people/:personId')
  @ApiOperation({ summary: 'One owner or tenant (masked)' })
  get(@CurrentPrincipal() principal: Principal, @UuidParam('personId') personId: string): Promise<PersonView> {
    return this.residents.get(principal, personId);
  }

  @Patch('people/:personId')
  @ApiOperation({ summary: 'Correct name, phone or ID number (audited when personal data changes)' })
  update(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('personId') personId: string,
    @JsonBody<PersonChanges>(updatePersonBody) body: PersonChanges,
  ): Promise<PersonView> {
    return this.residents.update(principal, { personId, changes: body });
  }

  @Post('people/:personId/residencies')
  @ApiOperation({ summary: 'Add a unit the person owns or rents' })
  addResidency(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('personId') personId: string,
    @JsonBody<ResidencyInput>(addResidencyBody) body: ResidencyInput,
  ): Promise<PersonView> {
    return this.residents.addResidency(principal, { personId, residency: body });
  }

  @Post('residencies/:residencyId/end')
  @HttpCode(200)
  @ApiOperation({
    summary: 'End a residency (moved out); with none left the person counts as left and is purged after the retention period',
  })
  endResidency(@CurrentPrincipal() principal: Principal, @UuidParam('residencyId') residencyId: string): Promise<PersonView> {
    return this.residents.endResidency(principal, residencyId);
  }
}
