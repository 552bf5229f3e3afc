import { Controller, Get, HttpCode, Post, Put, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { JsonBody, type JsonSchema } from '../common/json-body';
import { UuidParam } from '../common/uuid-param';
import { NoticesService } from './notices.service';
import type { NoticePreview, NoticeRequest, NoticeView } from './notices.types';

const FLOOR: JsonSchema = { type: 'integer', minimum: -10, maximum: 200 };
const NOTICE_BODY: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['title', 'body'],
  properties: {
    title: { type: 'string', minLength: 1, maxLength: 60, pattern: '\\S' },
    body: { type: 'string', minLength: 1, maxLength: 1000, pattern: '\\S' },
    audience: {
      type: 'object',
      additionalProperties: false,
      properties: {
        buildingIds: { type: 'array', maxItems: 200, items: { type: 'string', format: 'uuid' } },
        floors: { type: 'object', additionalProperties: false, properties: { from: FLOOR, to: FLOOR } },
      },
    },
    channels: { type: 'array', minItems: 1, maxItems: 3, items: { type: 'string', enum: ['inApp', 'sms', 'wechat'] } },
    sendAt: { type: 'string', format: 'date-time', description: 'Send at this time (a minute to 30 days ahead); omitted: at once' },
    dryRun: { type: 'boolean' },
  },
};

@ApiTags('notices')
@Controller('estates/:estateId/notices')
export class NoticesController {
  constructor(private readonly notices: NoticesService) {}

  @Get()
  @ApiOperation({ summary: "The estate's latest notices (公告) to residents, newest first" })
  list(@CurrentPrincipal() principal: Principal, @UuidParam('estateId') estateId: string): Promise<NoticeView[]> {
    return this.notices.list(principal, estateId);
  }

  @Post()
  @ApiOperation({
    summary:
      'Send a notice to the residents of the estate, or of some buildings and floors, in-app and by SMS or WeChat; dryRun counts them',
  })
  async send(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('estateId') estateId: string,
    @JsonBody<NoticeRequest>(NOTICE_BODY) body: NoticeRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<NoticeView | NoticePreview> {
    const result = await this.notices.send(principal, estateId, body);
    response.status('id' in result ? 201 : 200);
    return result;
  }

  @Put(':noticeId')
  @ApiOperation({
    summary:
      'Change a scheduled notice: its text, audience, channels and time (none: at once); 409 once it is being sent, sent or withdrawn',
  })
  edit(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('estateId') estateId: string,
    @UuidParam('noticeId') noticeId: string,
    @JsonBody<NoticeRequest>(NOTICE_BODY) body: NoticeRequest,
  ): Promise<NoticeView | NoticePreview> {
    return this.notices.edit(principal, estateId, noticeId, body);
  }

  @Post(':noticeId/withdraw')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Withdraw a notice: a scheduled one is not sent; a sent one leaves the residents' in-app messages (SMS and WeChat cannot be recalled)",
  })
  withdraw(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('estateId') estateId: string,
    @UuidParam('noticeId') noticeId: string,
  ): Promise<NoticeView & { removedMessages: number }> {
    return this.notices.withdraw(principal, estateId, noticeId);
  }
}
