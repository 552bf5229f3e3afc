import type { INestApplicationContext } from '@nestjs/common';
import { DemoSeederService } from './demo-seeder.service';

/**
 * The seed hook engine.ts calls after migrating: loads the demo into an empty database, running
 * every registered DemoSeedStep (demo-seed-step.ts). Modules must be initialised first, so that
 * their steps are registered.
 */
export async function seedDemo(app: INestApplicationContext): Promise<void> {
  await app.init();
  await app.get(DemoSeederService).seedOnFirstStart();
}
