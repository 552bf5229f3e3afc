import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { JsonBody, type JsonSchema } from '../common/json-body';
import { UuidParam } from '../common/uuid-param';
import { type NotificationView, NotificationsService, type PreviewRequest } from './notifications.service';

const PREVIEW_BODY: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['template', 'locale', 'sample'],
  properties: {
    template: {
      type: 'object',
      additionalProperties: false,
      required: ['title', 'body'],
      properties: { title: { type: 'string', maxLength: 500 }, body: { type: 'string', maxLength: 5000 } },
    },
    locale: { type: 'string', enum: ['zh-CN', 'en'] },
    sample: { type: 'object', description: 'Template context: { instance, data, params, estate, recipient }' },
  },
};

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: "The caller's in-app notifications (newest 50) and how many are unread" })
  @ApiQuery({ name: 'unread', required: false, enum: ['true', 'false'] })
  list(@CurrentPrincipal() principal: Principal, @Query('unread') unread?: string): Promise<{ items: NotificationView[]; unread: number }> {
    return this.notifications.list(principal, unread === 'true');
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: "Mark all the caller's notifications read" })
  readAll(@CurrentPrincipal() principal: Principal): Promise<{ unread: number }> {
    return this.notifications.markAllRead(principal);
  }

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Render a notification template over sample data, with the same restrictions as real notifications (422 with problems)',
  })
  preview(
    @CurrentPrincipal() principal: Principal,
    @JsonBody<PreviewRequest>(PREVIEW_BODY) body: PreviewRequest,
  ): { title: string; body: string } {
    return this.notifications.preview(principal, body);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one notification read' })
  read(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string): Promise<{ id: string; unread: number }> {
    return this.notifications.markRead(principal, id);
  }
}
