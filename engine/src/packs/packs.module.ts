import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import express from 'express';
import { EstateUpgradeController } from './estate-upgrade.controller';
import { EstateUpgradeService } from './estate-upgrade.service';
import { BuiltinPacksSeedStep } from './builtin-packs.seed-step';
import { PACK_LIMITS } from './format/pack-limits';
import { PacksController } from './packs.controller';
import { PacksRepository } from './packs.repository';
import { PacksService } from './packs.service';

/** Template packs: format, import, export, estate upgrades, and the built-in packs of the demo. */
@Module({
  controllers: [PacksController, EstateUpgradeController],
  providers: [PacksService, EstateUpgradeService, PacksRepository, BuiltinPacksSeedStep],
  exports: [PacksService],
})
export class PacksModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // The one route with a binary body: the archive, capped before it is read into memory.
    consumer
      .apply(
        express.raw({
          type: ['application/gzip', 'application/x-gzip', 'application/octet-stream', 'application/x-tar'],
          limit: PACK_LIMITS.maxArchiveBytes,
        }),
      )
      .forRoutes({ path: 'packs/import', method: RequestMethod.POST });
  }
}
