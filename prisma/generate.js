#!/usr/bin/env node
// Generates the Prisma client into engine/src/generated/prisma. Generation needs no engine
// binary; Prisma only checks that the variable names an existing file, so point it at this one.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
execFileSync(
  process.execPath,
  [require.resolve('prisma/build/index.js', { paths: [root] }), 'generate', '--schema', path.join(__dirname, 'schema.prisma')],
  {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: __filename, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  },
);
