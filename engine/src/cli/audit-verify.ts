import 'reflect-metadata';
import { AuditViewerService } from '../audit/audit-viewer.service';
import { runCli, withEngineContext } from './engine-context';

/**
 * `estateflow audit verify`: walks the whole audit chain and exits 1 naming the first row that
 * was changed, removed or inserted after it was written (RELIABILITY 20).
 */
runCli(() =>
  withEngineContext(async ({ app }) => {
    const result = await app.get(AuditViewerService).verify();
    if (!result.ok) throw new Error(`Audit chain BROKEN after ${result.rows} intact rows: ${result.problem.message}`);
    process.stdout.write(`Audit chain intact: ${result.rows} rows verified.\n`);
  }),
);
