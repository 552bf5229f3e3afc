import { Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { JsonBody, type JsonSchema } from '../common/json-body';
import { UuidParam } from '../common/uuid-param';
import { type CreateWebhookRequest, type UpdateWebhookRequest, type WebhookView, WebhooksService } from './webhooks.service';

const EVENTS: JsonSchema = { type: 'array', maxItems: 50, items: { type: 'string', pattern: '^[a-z][a-z0-9_.-]{0,63}$' } };
const CREATE_BODY: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'url'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 100 },
    url: { type: 'string', maxLength: 2000 },
    events: EVENTS,
    active: { type: 'boolean' },
  },
};
const UPDATE_BODY: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 100 },
    url: { type: 'string', maxLength: 2000 },
    events: EVENTS,
    active: { type: 'boolean' },
    rotateSecret: { type: 'boolean' },
  },
};

@ApiTags('webhooks')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @ApiOperation({ summary: "The company's outgoing webhooks (company admins)" })
  list(@CurrentPrincipal() principal: Principal): Promise<WebhookView[]> {
    return this.webhooks.list(principal);
  }

  @Post()
  @ApiOperation({ summary: 'Register a webhook; the answer carries its signing secret, shown only this once' })
  create(
    @CurrentPrincipal() principal: Principal,
    @JsonBody<CreateWebhookRequest>(CREATE_BODY) body: CreateWebhookRequest,
  ): Promise<WebhookView & { secret: string }> {
    return this.webhooks.create(principal, body);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Change a webhook (rotateSecret: true issues a new secret, returned once)' })
  update(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @JsonBody<UpdateWebhookRequest>(UPDATE_BODY) body: UpdateWebhookRequest,
  ): Promise<WebhookView & { secret?: string }> {
    return this.webhooks.update(principal, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a webhook' })
  remove(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string): Promise<void> {
    return this.webhooks.remove(principal, id);
  }
}
