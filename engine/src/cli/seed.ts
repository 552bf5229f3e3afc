import 'reflect-metadata';
import { DemoSeederService } from '../seed/demo-seeder.service';
import { runCli, withEngineContext } from './engine-context';

/**
 * `npm run seed`: loads the demo companies that are missing (示例物业, 安居物业) and writes
 * `<dataDir>/demo-logins.json`. Running it again changes nothing but rewrites that file.
 */
runCli(() =>
  withEngineContext(async ({ app }) => {
    const result = await app.get(DemoSeederService).seed();
    const lines = [
      result.created.length > 0 ? `Demo data created: ${result.created.join(', ')}.` : 'Demo data already present: nothing created.',
      ...(result.existing.length > 0 && result.created.length > 0 ? [`Already present: ${result.existing.join(', ')}.`] : []),
      `Demo logins: ${result.loginsFile}`,
    ];
    process.stdout.write(lines.join('\n') + '\n');
  }),
);
