import { Global, Module } from '@nestjs/common';
import type { EngineConfig } from '../config/config';
import { ENGINE_CONFIG } from '../config/config.module';
import { DevCodeController } from './dev-code.controller';
import { DevelopmentMessageSender } from './development-message-sender';
import { ChannelRoutingSender, HttpGatewaySender } from './http-gateway-sender';
import { MESSAGE_SENDER } from './message-sender';

/**
 * The pluggable message sender: SMS and WeChat template messages through their HTTP gateways when
 * configured (docs/configuration.md); otherwise — and for every other channel — the development
 * sender (a file in the data folder).
 */
function messageSender(config: EngineConfig): ChannelRoutingSender {
  return new ChannelRoutingSender({
    fallback: new DevelopmentMessageSender(config.dataDir),
    sms: config.smsGateway === null ? null : new HttpGatewaySender('sms', config.smsGateway),
    wechat: config.wechatGateway === null ? null : new HttpGatewaySender('wechat', config.wechatGateway),
  });
}

@Global()
@Module({
  controllers: [DevCodeController],
  providers: [{ provide: MESSAGE_SENDER, inject: [ENGINE_CONFIG], useFactory: messageSender }],
  exports: [MESSAGE_SENDER],
})
export class MessagingModule {}
