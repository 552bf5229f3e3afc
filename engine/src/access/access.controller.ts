import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { AccessService } from './access.service';
import { ACTIONS, type Action, PERMISSION_MATRIX } from './permission-matrix';

export interface PermissionMatrixView {
  actions: { action: Action; roles: string[] }[];
  /** For the caller: per action, the estates where it holds (null = every estate). */
  mine: { action: Action; estateIds: string[] | null }[];
}

@ApiTags('access')
@Controller('access')
export class AccessController {
  constructor(private readonly access: AccessService) {}

  @Get('matrix')
  @ApiOperation({ summary: 'The permission matrix (role × action) and what the caller holds where' })
  matrix(@CurrentPrincipal() principal: Principal): PermissionMatrixView {
    return {
      actions: ACTIONS.map((action) => ({ action, roles: [...PERMISSION_MATRIX[action]] })),
      mine: ACTIONS.map((action) => ({ action, estateIds: this.access.estatesWith(principal, action) })),
    };
  }
}
