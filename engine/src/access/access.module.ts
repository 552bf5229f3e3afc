import { Global, Module } from '@nestjs/common';
import { AccessController } from './access.controller';
import { AccessService } from './access.service';
import { RowLevelSecurityCheck } from './row-level-security.check';
import { RowLevelSecurityRepository } from './row-level-security.repository';

/** The permission matrix and its one-call check, and the row-level security check; global so that every capability uses the same rule. */
@Global()
@Module({
  controllers: [AccessController],
  providers: [AccessService, RowLevelSecurityCheck, RowLevelSecurityRepository],
  exports: [AccessService, RowLevelSecurityCheck],
})
export class AccessModule {}
