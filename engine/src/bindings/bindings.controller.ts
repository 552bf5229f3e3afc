import { Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { JsonBody, type JsonSchema } from '../common/json-body';
import { UuidParam } from '../common/uuid-param';
import { BindingsService, type EstateBinding } from './bindings.service';

const bindBody: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['definitionId', 'version', 'parameters'],
  properties: {
    definitionId: { type: 'string', format: 'uuid' },
    version: { type: 'integer', minimum: 1 },
    parameters: { type: 'object', description: "Estate values; checked against the version's parameters schema (422 per field)" },
  },
};

@ApiTags('definitions')
@Controller('estates/:estateId/bindings')
export class BindingsController {
  constructor(private readonly bindings: BindingsService) {}

  @Get()
  @ApiOperation({ summary: 'The workflows this estate runs: version and parameter values' })
  list(@CurrentPrincipal() principal: Principal, @UuidParam('estateId') estateId: string): Promise<EstateBinding[]> {
    return this.bindings.list(principal, estateId);
  }

  @Get(':workflowKey')
  @ApiOperation({ summary: 'One workflow this estate runs, with the parameter values its instances resolve (estate, company, defaults)' })
  one(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('estateId') estateId: string,
    @Param('workflowKey') workflowKey: string,
  ): Promise<EstateBinding & { resolvedParameters: Record<string, unknown> }> {
    return this.bindings.one(principal, estateId, workflowKey);
  }

  @Put(':workflowKey')
  @ApiOperation({ summary: 'Bind a workflow key to a published version with parameter values; 422 when they fail the schema' })
  bind(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('estateId') estateId: string,
    @Param('workflowKey') workflowKey: string,
    @JsonBody(bindBody) body: { definitionId: string; version: number; parameters: Record<string, unknown> },
  ): Promise<EstateBinding> {
    return this.bindings.bind(principal, { estateId, workflowKey, ...body });
  }
}
