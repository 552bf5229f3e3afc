import { Controller, Delete, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import type { BusinessCalendar } from '../calendar/business-calendar';
import { JsonBody } from '../common/json-body';
import { UuidParam } from '../common/uuid-param';
import type { BuildingView, EstateChanges, EstateView, Page, UnitView } from './admin.types';
import {
  calendarBody,
  createBuildingBody,
  createEstateBody,
  createUnitBody,
  generateUnitsBody,
  updateBuildingBody,
  updateEstateBody,
  updateUnitBody,
} from './admin.schemas';
import { type EstateInput, EstatesService } from './estates.service';
import { pageQuery } from './page-query';
import type { UnitPattern } from './unit-pattern';
import { optionalUuidQuery } from './uuid-query';

type GenerateBody = UnitPattern & { floorArea?: number | null; dryRun?: boolean };

@ApiTags('admin')
@Controller('admin')
export class EstatesController {
  constructor(private readonly estates: EstatesService) {}

  @Get('estates')
  @ApiOperation({ summary: 'Estates the caller may see' })
  list(@CurrentPrincipal() principal: Principal): Promise<EstateView[]> {
    return this.estates.list(principal);
  }

  @Post('estates')
  @ApiOperation({ summary: 'Create an estate (company admins)' })
  create(@CurrentPrincipal() principal: Principal, @JsonBody<EstateInput>(createEstateBody) body: EstateInput): Promise<EstateView> {
    return this.estates.create(principal, body);
  }

  @Get('estates/:estateId')
  @ApiOperation({ summary: 'One estate' })
  get(@CurrentPrincipal() principal: Principal, @UuidParam('estateId') estateId: string): Promise<EstateView> {
    return this.estates.get(principal, estateId);
  }

  @Patch('estates/:estateId')
  @ApiOperation({ summary: 'Rename an estate, change its kind, address, time zone or satisfaction target' })
  update(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('estateId') estateId: string,
    @JsonBody<EstateChanges>(updateEstateBody) body: EstateChanges,
  ): Promise<EstateView> {
    return this.estates.update(principal, { estateId, changes: body });
  }

  @Delete('estates/:estateId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an empty estate (company admins); 409 while it holds anything' })
  remove(@CurrentPrincipal() principal: Principal, @UuidParam('estateId') estateId: string): Promise<void> {
    return this.estates.remove(principal, estateId);
  }

  @Get('estates/:estateId/calendar')
  @ApiOperation({ summary: "The estate's business calendar (working hours, holidays, make-up working days)" })
  calendar(@CurrentPrincipal() principal: Principal, @UuidParam('estateId') estateId: string): Promise<BusinessCalendar> {
    return this.estates.calendar(principal, estateId);
  }

  @Put('estates/:estateId/calendar')
  @ApiOperation({ summary: "Replace the estate's business calendar; SLA clocks use it from the next deadline they compute" })
  setCalendar(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('estateId') estateId: string,
    @JsonBody<BusinessCalendar>(calendarBody) body: BusinessCalendar,
  ): Promise<BusinessCalendar> {
    return this.estates.setCalendar(principal, { estateId, calendar: body });
  }

  @Get('estates/:estateId/buildings')
  @ApiOperation({ summary: 'Buildings of an estate with their unit counts' })
  buildings(@CurrentPrincipal() principal: Principal, @UuidParam('estateId') estateId: string): Promise<BuildingView[]> {
    return this.estates.buildings(principal, estateId);
  }

  @Post('estates/:estateId/buildings')
  @ApiOperation({ summary: 'Add a building' })
  createBuilding(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('estateId') estateId: string,
    @JsonBody<{ name: string; floors?: number | null }>(createBuildingBody) body: { name: string; floors?: number | null },
  ): Promise<BuildingView> {
    return this.estates.createBuilding(principal, { estateId, ...body });
  }

  @Patch('buildings/:buildingId')
  @ApiOperation({ summary: 'Rename a building (its units are relabelled) or set its floors' })
  updateBuilding(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('buildingId') buildingId: string,
    @JsonBody<{ name?: string; floors?: number | null }>(updateBuildingBody) body: { name?: string; floors?: number | null },
  ): Promise<BuildingView> {
    return this.estates.updateBuilding(principal, { buildingId, changes: body });
  }

  @Delete('buildings/:buildingId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a building without units' })
  deleteBuilding(@CurrentPrincipal() principal: Principal, @UuidParam('buildingId') buildingId: string): Promise<void> {
    return this.estates.deleteBuilding(principal, buildingId);
  }

  @Post('buildings/:buildingId/units/generate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Create a building’s units from a pattern (entrances × floors × rooms), e.g. 3栋2单元1201; dryRun only plans' })
  generate(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('buildingId') buildingId: string,
    @JsonBody<GenerateBody>(generateUnitsBody) body: GenerateBody,
  ): Promise<{ planned: number; created: number; existing: number; sample: string[] }> {
    const { floorArea, dryRun, ...pattern } = body;
    return this.estates.generateUnits(principal, {
      buildingId,
      pattern,
      ...(floorArea === undefined ? {} : { floorArea }),
      ...(dryRun === undefined ? {} : { dryRun }),
    });
  }

  @Post('buildings/:buildingId/units')
  @ApiOperation({ summary: 'Add one unit to a building' })
  createUnit(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('buildingId') buildingId: string,
    @JsonBody<{ entrance?: number; floor: number; room: string; floorArea?: number | null }>(createUnitBody)
    body: { entrance?: number; floor: number; room: string; floorArea?: number | null },
  ): Promise<UnitView> {
    return this.estates.createUnit(principal, {
      buildingId,
      entrance: body.entrance ?? 0,
      floor: body.floor,
      room: body.room,
      ...(body.floorArea === undefined ? {} : { floorArea: body.floorArea }),
    });
  }

  @Get('estates/:estateId/units')
  @ApiOperation({ summary: 'Units of an estate, by building or label' })
  @ApiQuery({ name: 'buildingId', required: false })
  @ApiQuery({ name: 'q', required: false })
  @ApiQuery({ name: 'page', required: false })
  @ApiQuery({ name: 'pageSize', required: false })
  units(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('estateId') estateId: string,
    @Query('buildingId') buildingId?: string,
    @Query('q') q?: string,
    @Query('page') page?: string,
    @Query('pageSize') pageSize?: string,
  ): Promise<Page<UnitView>> {
    const building = optionalUuidQuery('buildingId', buildingId);
    return this.estates.units(principal, {
      estateId,
      ...(building === undefined ? {} : { buildingId: building }),
      ...(q === undefined ? {} : { q: q.slice(0, 100) }),
      ...pageQuery({ page, pageSize }),
    });
  }

  @Get('units/:unitId')
  @ApiOperation({ summary: 'One unit' })
  unit(@CurrentPrincipal() principal: Principal, @UuidParam('unitId') unitId: string): Promise<UnitView> {
    return this.estates.unitFor(principal, { unitId, action: 'unit.read' });
  }

  @Patch('units/:unitId')
  @ApiOperation({ summary: 'Set a unit’s floor area (建筑面积)' })
  updateUnit(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('unitId') unitId: string,
    @JsonBody<{ floorArea: number | null }>(updateUnitBody) body: { floorArea: number | null },
  ): Promise<UnitView> {
    return this.estates.updateUnit(principal, { unitId, floorArea: body.floorArea });
  }

  @Delete('units/:unitId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a unit nobody lives in or lived in' })
  deleteUnit(@CurrentPrincipal() principal: Principal, @UuidParam('unitId') unitId: string): Promise<void> {
    return this.estates.deleteUnit(principal, unitId);
  }
}
