import { Global, Module } from '@nestjs/common';
import type { EngineConfig } from '../config/config';
import { ENGINE_CONFIG } from '../config/config.module';
import { DevCodeController } from './dev-code.controller';
import { DevelopmentMessageSender } from './development-message-sender';
import { MESSAGE_SENDER } from './message-sender';

/**
 * The pluggable message sender. Until an SMS / e-mail / WeChat adapter is configured, messages
 * go to the development sender (a file in the data folder).
 */
@Global()
@Module({
  controllers: [DevCodeController],
  providers: [{ provide: MESSAGE_SENDER, inject: [ENGINE_CONFIG], useFactory: (config: EngineConfig) => new DevelopmentMessageSender(config.dataDir) }],
  exports: [MESSAGE_SENDER],
})
export class MessagingModule {}
