import { Body, Controller, Get, HttpCode, Post, Put, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-fastify/multipart';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { JsonBody, type JsonSchema } from '../common/json-body';
import { UuidParam } from '../common/uuid-param';
import { type ColumnMapping, IMPORT_FIELDS, type MappingPreset } from './column-mapping';
import { MAX_IMPORT_BYTES } from './import-limits';
import { type ImportView, ImportsService } from './imports.service';

// Memory storage with hard limits; anything larger is refused before it is read.
const UPLOAD = FileInterceptor('file', {
  limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 2, fieldSize: 1024, parts: 3, headerPairs: 50 },
  defParamCharset: 'utf8',
});
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const CHOICE: JsonSchema = { type: 'string', enum: ['merge', 'skip'] };
const mappingBody: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    mapping: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(IMPORT_FIELDS.map((field) => [field, { type: 'integer', minimum: 0, maximum: 59 }])),
    },
    onDuplicate: CHOICE,
    decisions: { type: 'object', maxProperties: 50_000, patternProperties: { '^[0-9]{1,6}$': CHOICE }, additionalProperties: false },
  },
};

type MappingBody = { mapping?: ColumnMapping; onDuplicate?: 'merge' | 'skip'; decisions?: Record<string, 'merge' | 'skip'> };

function download(response: FastifyReply, file: { fileName: string; content: Buffer }): StreamableFile {
  response.header('Cache-Control', 'no-store');
  return new StreamableFile(file.content, {
    type: XLSX,
    length: file.content.length,
    disposition: `attachment; filename="import.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
  });
}

@ApiTags('imports')
@Controller('admin')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Get('import-presets')
  @ApiOperation({ summary: 'Column-mapping presets (header names per field)' })
  presets(): MappingPreset[] {
    return this.imports.presets();
  }

  @Post('estates/:estateId/imports')
  @UseInterceptors(UPLOAD)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: 'Upload owners and units (.xlsx or CSV, UTF-8 or GBK, ≤ 15 MB, ≤ 50,000 rows); validation starts at once' })
  upload(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('estateId') estateId: string,
    @UploadedFile() file: unknown,
    @Body() _fields: unknown,
  ): Promise<ImportView> {
    return this.imports.upload(principal, { estateId, file });
  }

  @Get('estates/:estateId/imports')
  @ApiOperation({ summary: 'Recent imports of an estate' })
  list(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('estateId') estateId: string,
  ): Promise<Omit<ImportView, 'headers' | 'sample' | 'errors'>[]> {
    return this.imports.list(principal, estateId);
  }

  @Get('estates/:estateId/export.xlsx')
  @ApiProduces(XLSX)
  @ApiQuery({ name: 'full', required: false, description: 'true: full phone and ID numbers (company admins; audited)' })
  @ApiOperation({ summary: 'Units and their owners and tenants as .xlsx, in the import layout (masked unless full)' })
  async export(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('estateId') estateId: string,
    @Res({ passthrough: true }) response: FastifyReply,
    @Query('full') full?: string,
  ): Promise<StreamableFile> {
    return download(response, await this.imports.export(principal, { estateId, full: full === 'true' }));
  }

  @Get('imports/:importId')
  @ApiOperation({ summary: 'An import: mapping, progress, preview of changes, duplicates, row errors' })
  get(@CurrentPrincipal() principal: Principal, @UuidParam('importId') importId: string): Promise<ImportView> {
    return this.imports.get(principal, importId);
  }

  @Put('imports/:importId/mapping')
  @ApiOperation({ summary: 'Change the column mapping or duplicate choices; validated again' })
  remap(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('importId') importId: string,
    @JsonBody<MappingBody>(mappingBody) body: MappingBody,
  ): Promise<ImportView> {
    return this.imports.remap(principal, { importId, ...body });
  }

  @Post('imports/:importId/commit')
  @HttpCode(202)
  @ApiOperation({ summary: 'Commit a ready preview: all rows in one transaction or none; poll the import for progress' })
  commit(@CurrentPrincipal() principal: Principal, @UuidParam('importId') importId: string): Promise<ImportView> {
    return this.imports.commit(principal, importId);
  }

  @Get('imports/:importId/errors.xlsx')
  @ApiProduces(XLSX)
  @ApiOperation({ summary: 'The row errors as .xlsx' })
  async errors(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('importId') importId: string,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<StreamableFile> {
    return download(response, await this.imports.errorReport(principal, importId));
  }
}
