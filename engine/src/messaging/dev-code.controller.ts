import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EngineConfig } from '../config/config';
import { ENGINE_CONFIG } from '../config/config.module';
import { NotFoundError } from '../common/errors';
import { Public } from '../common/public.decorator';
import { normalisePhone } from '../privacy/normalise';
import { DevelopmentMessageSender } from './development-message-sender';
import { ChannelRoutingSender } from './http-gateway-sender';
import { MESSAGE_SENDER, type MessageSender } from './message-sender';

/** Development only: lets the demo portal show the sign-in code that "was sent by SMS". */
@ApiTags('development')
@Controller('dev')
export class DevCodeController {
  constructor(
    @Inject(MESSAGE_SENDER) private readonly sender: MessageSender,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
  ) {}

  @Public()
  @Get('latest-code')
  @ApiOperation({ summary: 'The latest sign-in code sent to a phone (development sender only; 404 in production)' })
  async latestCode(@Query('phone') phone: string | undefined): Promise<{ phone: string; code: string }> {
    const sms = this.sender instanceof ChannelRoutingSender ? this.sender.senderFor('sms') : this.sender;
    if (this.config.environment === 'production' || !(sms instanceof DevelopmentMessageSender) || !phone)
      throw new NotFoundError('A code for this phone');
    const normalised = normalisePhone(phone);
    const code = await sms.latestCode(normalised);
    if (code === null) throw new NotFoundError('A code for this phone');
    return { phone: normalised, code };
  }
}
