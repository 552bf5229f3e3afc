import { Module } from '@nestjs/common';
import { EstateUpgradeController } from './estate-upgrade.controller';
import { EstateUpgradeService } from './estate-upgrade.service';
import { BuiltinPacksSeedStep } from './builtin-packs.seed-step';
import { PacksController } from './packs.controller';
import { PacksRepository } from './packs.repository';
import { PacksService } from './packs.service';

/** Template packs: format, import, export, estate upgrades, and the built-in packs of the demo. */
@Module({
  controllers: [PacksController, EstateUpgradeController],
  providers: [PacksService, EstateUpgradeService, PacksRepository, BuiltinPacksSeedStep],
  exports: [PacksService],
})
export class PacksModule {}
