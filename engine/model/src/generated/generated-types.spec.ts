// Checks that what is derived from other sources is in step with them. It lives in generated/
// because it reads files, which the model's lint rules forbid everywhere else in src/.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAFF_ROLES } from '../roles.js';
// The generator is a plain CommonJS script run by `npm run generate`.
import { OUTPUT_PATH, generateTypes } from '../../scripts/generate-types.js';
import { OUTPUT_PATH as VALIDATORS_PATH, generateValidators } from '../../scripts/generate-validators.js';

describe('generated definition types', () => {
  it('are up to date with definition.schema.json (run npm run generate -w @estateflow/model)', async () => {
    const fresh: string = await generateTypes();
    expect(readFileSync(OUTPUT_PATH, 'utf8')).toBe(fresh);
  }, 30_000);
});

describe('generated definition validators', () => {
  it('are up to date with definition.schema.json (run npm run generate -w @estateflow/model)', () => {
    const fresh: string = generateValidators();
    expect(readFileSync(VALIDATORS_PATH, 'utf8')).toBe(fresh);
  }, 30_000);
});

describe('STAFF_ROLES', () => {
  // Vitest runs from the repository root.
  it('mirror the StaffRole enum of prisma/schema.prisma', () => {
    const prisma = readFileSync(resolve(process.cwd(), 'prisma/schema.prisma'), 'utf8');
    const body = /enum StaffRole \{([^}]*)\}/.exec(prisma)?.[1] ?? '';
    const values = body
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('//'));
    expect([...STAFF_ROLES]).toEqual(values);
  });
});
