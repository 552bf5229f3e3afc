import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// RELIABILITY.md 16: no raw SQL built from strings. This is the lint that bans the unsafe
// raw-query calls and SQL assembled with template interpolation outside Prisma's tagged templates.
const SOURCE = path.join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

describe('SQL in the engine', () => {
  const files = sourceFiles(SOURCE);

  it('never uses the unsafe raw-query calls', () => {
    const offenders = files.filter((file) => /\$(queryRawUnsafe|executeRawUnsafe)\b/.test(fs.readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('never interpolates values into a query string passed to pg', () => {
    const offenders = files.filter((file) => /\.query(<[^>]*>)?\(\s*`[^`]*\$\{/.test(fs.readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
