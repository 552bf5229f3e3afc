import { Global, Module } from '@nestjs/common';
import { DemoSeedSteps } from './demo-seed-step';
import { DemoSeederService } from './demo-seeder.service';
import { SeedRepository } from './seed.repository';

/** The demo data. Global so that any module can register a DemoSeedStep without an import cycle. */
@Global()
@Module({ providers: [DemoSeederService, SeedRepository, DemoSeedSteps], exports: [DemoSeederService, DemoSeedSteps] })
export class SeedModule {}
