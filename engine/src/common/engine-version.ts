import fs from 'node:fs';
import path from 'node:path';

let cached: string | null = null;

/** The engine package's version, as packs' engine ranges are checked against it. */
export function engineVersion(): string {
  if (cached === null) {
    const manifest: unknown = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    cached =
      typeof manifest === 'object' && manifest !== null && 'version' in manifest && typeof manifest.version === 'string'
        ? manifest.version
        : '0.0.0';
  }
  return cached;
}
