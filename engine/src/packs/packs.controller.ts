import { Controller, Get, HttpCode, Post, Query, Req, StreamableFile } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { BadRequestError } from '../common/errors';
import { ARCHIVE_BODY } from '../web/body-parsers';
import { PacksService, type PackImportReport } from './packs.service';

/** The uploaded archive: raw bytes, read only for this route (ARCHIVE_BODY) and capped before they are. */
function archiveOf(request: FastifyRequest): Buffer {
  if (!Buffer.isBuffer(request.body) || request.body.length === 0)
    throw new BadRequestError('Send the pack archive (.tgz) as the request body with Content-Type: application/gzip.');
  return request.body;
}

function optional(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

@ApiTags('packs')
@Controller('packs')
export class PacksController {
  constructor(private readonly packs: PacksService) {}

  @Post('import')
  @RouteConfig(ARCHIVE_BODY)
  @HttpCode(201)
  @ApiOperation({
    summary: 'Import a pack archive into the company, all or nothing; 422 with details.problems [{ file, path, reason }] when refused',
  })
  @ApiConsumes('application/gzip', 'application/octet-stream')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiQuery({ name: 'estateId', required: false, description: 'Bind the pack’s workflows to this estate where it runs none of them yet' })
  @ApiQuery({ name: 'estateCode', required: false })
  @ApiQuery({ name: 'companyCode', required: false, description: 'When given, must be the caller’s company (a guard for scripts)' })
  import(
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Query('estateId') estateId?: string,
    @Query('estateCode') estateCode?: string,
    @Query('companyCode') companyCode?: string,
  ): Promise<PackImportReport> {
    return this.packs.importArchive(principal, {
      archive: archiveOf(request),
      ...(optional(companyCode) === undefined ? {} : { companyCode }),
      estateIds: optional(estateId) === undefined ? [] : [String(estateId)],
      estateCodes: optional(estateCode) === undefined ? [] : [String(estateCode)],
    });
  }

  @Get('export')
  @ApiOperation({
    summary: 'The version an estate runs for a workflow, as a pack archive whose parameter defaults are the estate’s values',
  })
  @ApiProduces('application/gzip')
  @ApiQuery({ name: 'workflowKey', required: true })
  @ApiQuery({ name: 'estateId', required: false })
  @ApiQuery({ name: 'estateCode', required: false })
  async export(
    @CurrentPrincipal() principal: Principal,
    @Query('workflowKey') workflowKey?: string,
    @Query('estateId') estateId?: string,
    @Query('estateCode') estateCode?: string,
  ): Promise<StreamableFile> {
    if (optional(workflowKey) === undefined) throw new BadRequestError('"workflowKey" is required.');
    const exported = await this.packs.exportPack(principal, {
      workflowKey: String(workflowKey),
      ...(optional(estateId) === undefined ? {} : { estateId }),
      ...(optional(estateCode) === undefined ? {} : { estateCode }),
    });
    return new StreamableFile(exported.archive, {
      type: 'application/gzip',
      disposition: `attachment; filename="${exported.fileName}"`,
      length: exported.archive.length,
    });
  }
}
