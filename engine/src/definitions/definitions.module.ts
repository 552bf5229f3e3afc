import { Module } from '@nestjs/common';
import { CompiledVersionCache } from './compiled-version.cache';
import { DefinitionsController } from './definitions.controller';
import { DefinitionsRepository } from './definitions.repository';
import { DefinitionsService } from './definitions.service';

@Module({
  controllers: [DefinitionsController],
  providers: [DefinitionsService, DefinitionsRepository, CompiledVersionCache],
  exports: [CompiledVersionCache],
})
export class DefinitionsModule {}
