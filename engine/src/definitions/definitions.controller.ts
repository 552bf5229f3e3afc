import { Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ValidationError } from '../common/errors';
import { JsonBody, type JsonSchema } from '../common/json-body';
import { UuidParam } from '../common/uuid-param';
import type { DefinitionStatus } from '../generated/prisma/enums';
import type { LintFinding } from '@estateflow/model';
import {
  DefinitionsService,
  type DefinitionDetail,
  type DefinitionSummary,
  type LocalizedName,
  type VersionDetail,
  type VersionDiff,
} from './definitions.service';

const KEY: JsonSchema = { type: 'string', pattern: '^[a-z][a-z0-9_-]{0,63}$' };
const LOCALIZED_NAME: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['zh-CN'],
  properties: { 'zh-CN': { type: 'string', minLength: 1, maxLength: 200 }, en: { type: 'string', maxLength: 200 } },
};
const DOCUMENT: JsonSchema = {
  type: 'object',
  description: 'A workflow definition document (docs/definition-format.md); checked by lint, not here.',
};

const createBody: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['key', 'name'],
  properties: { key: KEY, name: { oneOf: [{ type: 'string', minLength: 1, maxLength: 200 }, LOCALIZED_NAME] }, definition: DOCUMENT },
};
const draftBody: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['draft', 'draftRevision'],
  properties: { draft: DOCUMENT, draftRevision: { type: 'integer', minimum: 1 } },
};
const lintBody: JsonSchema = { type: 'object', additionalProperties: false, properties: { draft: DOCUMENT } };
const publishBody: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['changeNote'],
  properties: { changeNote: { type: 'string', maxLength: 2000 } },
};
const duplicateBody: JsonSchema = { type: 'object', additionalProperties: false, required: ['key'], properties: { key: KEY } };

function statusFilter(raw: string | undefined): DefinitionStatus | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (raw === 'active' || raw === 'archived') return raw;
  throw new ValidationError('"status" must be active or archived.', { fields: [{ field: 'status', message: 'active or archived' }] });
}

function versionNumber(raw: string | undefined, name: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new ValidationError(`"${name}" must be a version number.`, { fields: [{ field: name, message: 'a version number' }] });
  return value;
}

@ApiTags('definitions')
@Controller('definitions')
export class DefinitionsController {
  constructor(private readonly definitions: DefinitionsService) {}

  @Get()
  @ApiOperation({ summary: 'Workflow definitions of the company, with their latest version and bindings' })
  list(@CurrentPrincipal() principal: Principal, @Query('q') q?: string, @Query('status') status?: string): Promise<DefinitionSummary[]> {
    const statusValue = statusFilter(status);
    return this.definitions.list(principal, {
      ...(q === undefined ? {} : { q }),
      ...(statusValue === undefined ? {} : { status: statusValue }),
    });
  }

  @Post()
  @ApiOperation({ summary: 'Create a definition (a blank draft when no definition is given)' })
  create(
    @CurrentPrincipal() principal: Principal,
    @JsonBody(createBody) body: { key: string; name: string | LocalizedName; definition?: Record<string, unknown> },
  ): Promise<DefinitionDetail> {
    return this.definitions.create(principal, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A definition with its draft and versions' })
  get(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string): Promise<DefinitionDetail> {
    return this.definitions.get(principal, id);
  }

  @Put(':id/draft')
  @ApiOperation({ summary: 'Save the draft; 409 when another save came first' })
  saveDraft(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @JsonBody(draftBody) body: { draft: Record<string, unknown>; draftRevision: number },
  ): Promise<{ draftRevision: number }> {
    return this.definitions.saveDraft(principal, { id, ...body });
  }

  @Post(':id/lint')
  @HttpCode(200)
  @ApiOperation({ summary: 'Validation and lint findings for the saved draft, or for the draft sent' })
  lint(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @JsonBody(lintBody) body: { draft?: Record<string, unknown> },
  ): Promise<{ findings: LintFinding[] }> {
    return this.definitions.lint(principal, { id, ...body });
  }

  @Post(':id/publish')
  @ApiOperation({ summary: 'Publish the draft as the next immutable version; 422 with details.findings when lint has errors' })
  publish(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @JsonBody(publishBody) body: { changeNote: string },
  ): Promise<{ version: number }> {
    return this.definitions.publish(principal, { id, changeNote: body.changeNote });
  }

  @Post(':id/duplicate')
  @ApiOperation({ summary: 'Copy the draft into a new definition with another key' })
  duplicate(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @JsonBody(duplicateBody) body: { key: string },
  ): Promise<DefinitionDetail> {
    return this.definitions.duplicate(principal, { id, key: body.key });
  }

  @Post(':id/archive')
  @HttpCode(200)
  @ApiOperation({ summary: 'Archive: no new bindings or instances; running instances go on' })
  archive(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string): Promise<DefinitionDetail> {
    return this.definitions.archive(principal, id);
  }

  @Get(':id/versions/:version')
  @ApiOperation({ summary: 'One published version' })
  version(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Param('version') version: string,
  ): Promise<VersionDetail> {
    return this.definitions.version(principal, { id, version: versionNumber(version, 'version') });
  }

  @Get(':id/diff')
  @ApiOperation({ summary: 'Structured diff of two versions' })
  diff(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Query('from') from?: string,
    @Query('to') to?: string,
  ): Promise<VersionDiff> {
    return this.definitions.diff(principal, { id, from: versionNumber(from, 'from'), to: versionNumber(to, 'to') });
  }
}
