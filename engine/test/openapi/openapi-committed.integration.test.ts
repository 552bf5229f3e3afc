import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalOpenApi, OPENAPI_FILE, undocumentedOperations } from '../../src/cli/openapi-document';
import { type EngineProcess, REPOSITORY_ROOT, startEngine } from '../harness/engine-process';

const REFRESH =
  'Refresh it: npm run build -w @estateflow/engine && ESTATEFLOW_WRITE_OPENAPI=true npx vitest run --project integration engine/test/openapi (or, with an engine running: node engine/dist/cli/openapi.js http://127.0.0.1:3000), then commit docs/openapi.json.';

let engine: EngineProcess;
let served: unknown;

beforeAll(async () => {
  engine = await startEngine({ seed: false });
  const response = await fetch(`${engine.url}/api/docs-json`);
  expect(response.status).toBe(200);
  served = await response.json();
  // The refresh path: write the document the engine serves (then the comparison below passes).
  if (process.env.ESTATEFLOW_WRITE_OPENAPI === 'true') fs.writeFileSync(path.join(REPOSITORY_ROOT, OPENAPI_FILE), canonicalOpenApi(served));
});
afterAll(async () => {
  await engine?.stop();
});

describe('the committed OpenAPI document', () => {
  it('is what the engine serves at /api/docs-json', () => {
    const file = path.join(REPOSITORY_ROOT, OPENAPI_FILE);
    const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    // Compared as text: a stale file fails with a diff, and the message says how to refresh it.
    expect(committed, `docs/openapi.json is stale. ${REFRESH}`).toBe(canonicalOpenApi(served));
  });

  it('gives every route a summary and a tag', () => {
    expect(undocumentedOperations(served)).toEqual([]);
  });
});
