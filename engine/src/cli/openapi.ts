import fs from 'node:fs';
import path from 'node:path';
import { canonicalOpenApi, OPENAPI_FILE, undocumentedOperations } from './openapi-document';

/**
 * `node engine/dist/cli/openapi.js [engine URL]`: writes the running engine's OpenAPI document
 * (/api/docs-json, default http://127.0.0.1:$PORT or :3000) to docs/openapi.json with sorted keys.
 * Run it from the repository root after changing a route, and commit the file: the integration
 * test engine/test/openapi/ fails while the committed document is stale.
 */
async function main(): Promise<void> {
  const base = process.argv[2] ?? `http://127.0.0.1:${process.env.PORT ?? '3000'}`;
  const response = await fetch(`${base.replace(/\/$/, '')}/api/docs-json`);
  if (!response.ok) throw new Error(`${base}/api/docs-json answered ${response.status}; is the engine running (npm start)?`);
  const document: unknown = await response.json();
  const problems = undocumentedOperations(document);
  if (problems.length > 0) process.stderr.write(`Routes without a summary or tag:\n  ${problems.join('\n  ')}\n`);
  const target = path.resolve(OPENAPI_FILE);
  fs.writeFileSync(target, canonicalOpenApi(document));
  process.stdout.write(`Wrote ${target}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
