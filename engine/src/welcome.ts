import fs from 'node:fs';
import path from 'node:path';
import type { EngineConfig } from './config/config';

interface DemoLogins {
  companies: { name: string; staff: { email: string; password: string; role: string }[]; owners: { phone: string; name: string }[] }[];
}

function readDemoLogins(dataDir: string): DemoLogins | null {
  const file = path.join(dataDir, 'demo-logins.json');
  if (!fs.existsSync(file)) return null;
  const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  return typeof parsed === 'object' && parsed !== null && 'companies' in parsed && Array.isArray(parsed.companies)
    ? { companies: parsed.companies }
    : null;
}

/** Tells the person who ran `npm start` where everything is and how to sign in. */
export function printWelcome(input: { url: string; config: EngineConfig; log: (message: string) => void }): void {
  const { url, config, log } = input;
  log(`EstateFlow ${url} is ready.`);
  const lines = [
    '',
    `  EstateFlow is running at ${url}`,
    `    Staff app       ${url}/app/`,
    `    Owner portal    ${url}/portal/`,
    `    Designer        ${url}/designer/`,
    `    API docs        ${url}/api/docs`,
  ];
  const daily = config.runWorkers ? config.backups.daily : null;
  if (daily !== null) lines.push(`    Backups         daily at ${String(daily.hour).padStart(2, '0')}:00 into ${config.backups.dir}`);
  const demo = readDemoLogins(config.dataDir);
  if (demo) {
    lines.push('', `  Demo logins (all of them: ${path.join(config.dataDir, 'demo-logins.json')})`);
    for (const company of demo.companies) {
      lines.push(`    ${company.name}`);
      for (const staff of company.staff.slice(0, 4)) lines.push(`      ${staff.role.padEnd(24)} ${staff.email} / ${staff.password}`);
      const owner = company.owners[0];
      if (owner) lines.push(`      ${'owner'.padEnd(24)} ${owner.phone} (${owner.name}; the portal shows the code)`);
    }
  }
  process.stdout.write(lines.join('\n') + '\n\n');
}
