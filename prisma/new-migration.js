#!/usr/bin/env node
// Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL from the schema.prisma of
// git HEAD to the one in the working tree. Usage: npm run prisma:migration -- <name>
// Commit schema.prisma together with the migration it produced.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run prisma:migration -- <name in snake_case>');
  process.exit(2);
}
const toolsDir = path.join(__dirname, 'tools');
if (!fs.existsSync(path.join(toolsDir, 'node_modules', 'prisma'))) {
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: toolsDir, stdio: 'inherit' });
}
const { schemaDiffSql } = require('./tools/schema-sql.js');
const { startThrowawayPostgres } = require('./tools/throwaway-postgres.js');

(async () => {
  let fromSchema = null;
  try {
    fromSchema = execFileSync('git', ['show', 'HEAD:prisma/schema.prisma'], {
      cwd: __dirname,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    fromSchema = null; // no commit yet: the first migration starts from an empty database
  }
  if (fs.readdirSync(path.join(__dirname, 'migrations')).some((d) => /^\d{14}_/.test(d)) && fromSchema === null) {
    console.error('schema.prisma is not in git HEAD, but migrations exist: commit first.');
    process.exit(2);
  }
  const pg = await startThrowawayPostgres();
  try {
    const sql = schemaDiffSql({
      fromSchema,
      toSchema: fs.readFileSync(path.join(__dirname, 'schema.prisma'), 'utf8'),
      databaseUrl: pg.url,
    });
    if (!sql.trim()) {
      console.log('schema.prisma matches HEAD: no migration written.');
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = path.join(__dirname, 'migrations', `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'migration.sql'), sql);
    console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  } finally {
    await pg.stop();
  }
})().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
