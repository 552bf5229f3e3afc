import { Controller, Get, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { JsonBody } from '../common/json-body';
import { UuidParam } from '../common/uuid-param';
import type { RoleView, StaffView } from './admin.types';
import { createStaffBody, setRolesBody, updateStaffBody } from './admin.schemas';
import { type NewStaff, StaffService } from './staff.service';
import { optionalUuidQuery } from './uuid-query';

type StaffChanges = { name?: string; active?: boolean; locale?: 'zh-CN' | 'en'; phone?: string | null };

@ApiTags('admin')
@Controller('admin/staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @ApiOperation({ summary: 'Staff accounts the caller may see, with their roles per estate' })
  @ApiQuery({ name: 'estateId', required: false })
  list(@CurrentPrincipal() principal: Principal, @Query('estateId') estateId?: string): Promise<StaffView[]> {
    return this.staff.list(principal, optionalUuidQuery('estateId', estateId));
  }

  @Post()
  @ApiOperation({ summary: 'Create a staff account with its roles (audited)' })
  create(@CurrentPrincipal() principal: Principal, @JsonBody<NewStaff>(createStaffBody) body: NewStaff): Promise<StaffView> {
    return this.staff.create(principal, body);
  }

  @Get(':staffId')
  @ApiOperation({ summary: 'One staff account' })
  get(@CurrentPrincipal() principal: Principal, @UuidParam('staffId') staffId: string): Promise<StaffView> {
    return this.staff.get(principal, staffId);
  }

  @Patch(':staffId')
  @ApiOperation({ summary: 'Rename, (de)activate, set locale or phone' })
  update(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('staffId') staffId: string,
    @JsonBody<StaffChanges>(updateStaffBody) body: StaffChanges,
  ): Promise<StaffView> {
    return this.staff.update(principal, { staffUserId: staffId, changes: body });
  }

  @Put(':staffId/roles')
  @ApiOperation({ summary: 'Replace the roles the caller manages (company admins: all; estate managers: in their estates); audited' })
  setRoles(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('staffId') staffId: string,
    @JsonBody<{ roles: RoleView[] }>(setRolesBody) body: { roles: RoleView[] },
  ): Promise<StaffView> {
    return this.staff.setRoles(principal, { staffUserId: staffId, roles: body.roles });
  }
}
