// Writes the SQL that takes one Prisma datamodel to another, with Prisma 6.19's CLI.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/** Copies a Prisma 7 schema so that Prisma 6.19 reads it: a plain generator and a datasource url. */
function compatibleSchema(schemaText, dir, name) {
  const text = schemaText
    .replace(/generator client \{[^}]*\}/, 'generator client {\n  provider = "prisma-client-js"\n}')
    .replace(/datasource db \{[^}]*\}/, 'datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}');
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

/**
 * @param {{ fromSchema: string | null, toSchema: string, databaseUrl: string }} input
 *   schema texts (null = empty database); any reachable PostgreSQL for the adapter.
 * @returns {string} the migration SQL ('' when nothing differs)
 */
function schemaDiffSql({ fromSchema, toSchema, databaseUrl }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estateflow-schema-'));
  try {
    const to = compatibleSchema(toSchema, dir, 'to.prisma');
    const from = fromSchema === null ? ['--from-empty'] : ['--from-schema-datamodel', compatibleSchema(fromSchema, dir, 'from.prisma')];
    const sql = execFileSync(
      process.execPath,
      [
        require.resolve('prisma/build/index.js', { paths: [__dirname] }),
        'migrate',
        'diff',
        ...from,
        '--to-schema-datamodel',
        to,
        '--script',
      ],
      {
        cwd: __dirname,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          PRISMA_SCHEMA_ENGINE_BINARY: __filename,
          PRISMA_QUERY_ENGINE_LIBRARY: __filename,
          PRISMA_HIDE_UPDATE_MESSAGE: '1',
        },
      },
    );
    return sql.includes('This is an empty migration.') ? '' : sql;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { schemaDiffSql };
