import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { pageQuery } from '../admin/page-query';
import { optionalUuidQuery } from '../admin/uuid-query';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ValidationError } from '../common/errors';
import type { AuditEntryView } from './audit-viewer.repository';
import { AuditViewerService } from './audit-viewer.service';

function instant(name: string, raw: string | undefined): Date | undefined {
  if (raw === undefined || raw === '') return undefined;
  const value = new Date(raw);
  if (Number.isNaN(value.getTime()))
    throw new ValidationError(`"${name}" must be a date or time (2026-11-22 or 2026-11-22T08:00:00+08:00).`, {
      fields: [{ field: name, message: 'a date' }],
    });
  return value;
}

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly viewer: AuditViewerService) {}

  @Get()
  @ApiOperation({ summary: 'The company’s audit log, newest first (company admins); action may be a prefix ending in "."' })
  @ApiQuery({ name: 'action', required: false })
  @ApiQuery({ name: 'actor', required: false })
  @ApiQuery({ name: 'from', required: false })
  @ApiQuery({ name: 'to', required: false })
  @ApiQuery({ name: 'page', required: false })
  @ApiQuery({ name: 'pageSize', required: false })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query('action') action?: string,
    @Query('actor') actor?: string,
    @Query('from') from?: string,
    @Query('to') to?: string,
    @Query('page') page?: string,
    @Query('pageSize') pageSize?: string,
  ): Promise<{ items: AuditEntryView[]; total: number; page: number; pageSize: number }> {
    const actorId = optionalUuidQuery('actor', actor);
    const fromAt = instant('from', from);
    const toAt = instant('to', to);
    return this.viewer.list(principal, {
      ...(action === undefined || action === '' ? {} : { action: action.slice(0, 100) }),
      ...(actorId === undefined ? {} : { actorId }),
      ...(fromAt === undefined ? {} : { from: fromAt }),
      ...(toAt === undefined ? {} : { to: toAt }),
      ...pageQuery({ page, pageSize }),
    });
  }
}
