import fs from 'node:fs';
import path from 'node:path';

export interface DemoLogins {
  companies: {
    code: string;
    name: string;
    estates: { id: string; code: string; name: string }[];
    staff: { email: string; password: string; role: string; estateIds: string[] }[];
    owners: { phone: string; name: string; units: string[] }[];
  }[];
}

/** The demo logins the engine wrote into its data folder on first start. */
export function readDemoLogins(dataDir: string): DemoLogins {
  return JSON.parse(fs.readFileSync(path.join(dataDir, 'demo-logins.json'), 'utf8'));
}
