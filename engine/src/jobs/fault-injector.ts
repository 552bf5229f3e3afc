import fs from 'node:fs';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { EngineConfig } from '../config/config';
import { ENGINE_CONFIG } from '../config/config.module';

/**
 * Test-only fault points for the kill tests (RELIABILITY 4–5): with ESTATEFLOW_TEST_CRASH_AT set
 * to a point's name under NODE_ENV=test, the process dies there as if the server lost power.
 * Outside tests the configuration never carries a point, so `at` does nothing. Each point fires
 * once per data folder (a marker file), so the restarted engine runs past it.
 */
@Injectable()
export class FaultInjector {
  constructor(@Inject(ENGINE_CONFIG) private readonly config: EngineConfig) {}

  at(point: string): void {
    if (this.config.worker.crashAt !== point) return;
    const marker = path.join(this.config.dataDir, `crashed-at-${point.replace(/[^a-z0-9-]/gi, '_')}`);
    if (fs.existsSync(marker)) return;
    fs.writeFileSync(marker, new Date().toISOString());
    process.kill(process.pid, 'SIGKILL');
  }
}
