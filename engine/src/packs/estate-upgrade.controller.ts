import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { JsonBody, type JsonSchema } from '../common/json-body';
import { UuidParam } from '../common/uuid-param';
import { EstateUpgradeService, type UpgradePlan, type UpgradeRequest } from './estate-upgrade.service';

const upgradeBody: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['workflowKey'],
  properties: {
    workflowKey: { type: 'string', pattern: '^[a-z][a-z0-9_-]{0,63}$' },
    toVersion: { type: 'integer', minimum: 1, description: 'The version to move to (default: the one from packVersion, else the newest)' },
    packVersion: { type: 'string', maxLength: 64, description: 'The pack version whose import to move to' },
    instances: {
      type: 'string',
      enum: ['stay', 'migrate'],
      description: 'Running instances stay on their version (default) or move with the state mapping',
    },
    stateMapping: {
      type: 'object',
      maxProperties: 200,
      additionalProperties: { type: 'string', maxLength: 300 },
      description: 'Old leaf state → new state, overriding the proposal',
    },
  },
};

@ApiTags('packs')
@Controller('estates/:estateId/upgrade')
export class EstateUpgradeController {
  constructor(private readonly upgrades: EstateUpgradeService) {}

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Dry run of moving the estate to a newer version: merged parameters with conflicts, proposed state mapping over live instances',
  })
  preview(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('estateId') estateId: string,
    @JsonBody(upgradeBody) body: UpgradeRequest,
  ): Promise<UpgradePlan> {
    return this.upgrades.preview(principal, estateId, body);
  }

  @Post('apply')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Apply the upgrade in one transaction; 422 when instances would move to no state; 409 when one changed meanwhile',
  })
  apply(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('estateId') estateId: string,
    @JsonBody(upgradeBody) body: UpgradeRequest,
  ): Promise<UpgradePlan> {
    return this.upgrades.apply(principal, estateId, body);
  }
}
