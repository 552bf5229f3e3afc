// Reports over a year of a busy estate (DOMAIN.md: "response within 1 s for normal pages").
// One run: an embedded PostgreSQL in a temporary folder and the built engine with the demo data;
// a year of history written straight into the demo estate (by default 20,000 repairs — about 55 a
// day — each with its dispatch and work tasks, nine in ten completed, seven in ten rated); then,
// signed in as the estate manager, each route requested in turn and timed:
// - baseline: `GET /api/tasks?scope=all` — the estate's inbox, the page staff open all day;
// - the year's report (`GET /api/reports/summary` over 365 days) and this month's;
// - the year's export (`GET /api/reports/requests.csv`, every request one row).
// Prints p50 and p99 of each, and last `ratio: <year's report p50 ÷ inbox p50>`.
// Usage: npm run build && npm run bench:reports [-- <requests>]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { launchEngine, requireBuiltEngine, root } from './launch-engine.mjs';

requireBuiltEngine();
const require = createRequire(import.meta.url);
const { startThrowawayPostgres } = require('../prisma/tools/throwaway-postgres.js');
const { Client } = createRequire(path.join(root, 'engine', 'package.json'))('pg');
const REQUESTS = Number(process.argv[2] ?? 20_000);
const ROUNDS = 15;

/**
 * A year of repairs in the demo estate, oldest first, spread evenly; references BENCH-<n>. Each has
 * a dispatch task (respond within 30 min; answered in 5–64 min) and a work task (complete within
 * 48 h); completed ones took 2–73 h, and seven in ten carry the owner's rating in a CONFIRM event.
 */
async function writeHistory(databaseUrl, count) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const estate = (await client.query(`SELECT id, "companyId" FROM "Estate" WHERE code = 'sunshine'`)).rows[0];
    const binding = (
      await client.query(`SELECT "versionId" FROM "EstateBinding" WHERE "estateId" = $1 AND "workflowKey" = 'repair'`, [estate.id])
    ).rows[0];
    const started = performance.now();
    await client.query('BEGIN');
    await client.query(
      `CREATE TEMP TABLE history ON COMMIT DROP AS
       SELECT gen_random_uuid() AS id, n,
              now() - make_interval(secs => (365 * 86400.0) * n / $1) AS created,
              (SELECT array_agg(id) FROM "Unit" WHERE "estateId" = $2) AS units
         FROM generate_series(1, $1) AS n`,
      [count, estate.id],
    );
    await client.query(
      `INSERT INTO "Instance" (id, "companyId", "estateId", "versionId", "workflowKey", reference, title, status, snapshot, "stateValue",
                               data, version, "unitId", "createdByKind", "createdAt", "updatedAt", "completedAt")
       SELECT h.id, $1::uuid, $2::uuid, $3::uuid, 'repair', 'BENCH-' || h.n, '卫生间漏水',
              (CASE WHEN h.n % 10 = 0 THEN 'active' ELSE 'completed' END)::"InstanceStatus", '{}'::jsonb,
              CASE WHEN h.n % 10 = 0 THEN 'inProgress' ELSE 'closed' END,
              jsonb_build_object('category', (ARRAY['plumbing_electric', 'doors_windows', 'lift', 'hvac'])[1 + h.n % 4]),
              7, h.units[1 + (h.n * 7919) % array_length(h.units, 1)], 'staff'::"PrincipalKind", h.created, h.created,
              CASE WHEN h.n % 10 <> 0 THEN h.created + make_interval(hours => 2 + h.n % 72) END
         FROM history h`,
      [estate.companyId, estate.id, binding.versionId],
    );
    await client.query(
      `INSERT INTO "Task" (id, "companyId", "estateId", "instanceId", "stateKey", name, "assigneeRole", status, "respondDueAt", "completeDueAt",
                           "workflowKey", "createdAt", "claimedAt", "completedAt")
       SELECT gen_random_uuid(), $1::uuid, $2::uuid, h.id, 'repair.submitted', '{"zh-CN": "派单"}'::jsonb, 'front_desk'::"StaffRole", 'done'::"TaskStatus",
              h.created + interval '30 minutes', NULL, 'repair', h.created, NULL, h.created + make_interval(mins => 5 + h.n % 60)
         FROM history h
       UNION ALL
       SELECT gen_random_uuid(), $1::uuid, $2::uuid, h.id, 'repair.inProgress', '{"zh-CN": "维修"}'::jsonb, 'technician'::"StaffRole",
              (CASE WHEN h.n % 10 = 0 THEN 'claimed' ELSE 'done' END)::"TaskStatus", NULL, h.created + interval '48 hours', 'repair',
              h.created, h.created + interval '1 hour', CASE WHEN h.n % 10 <> 0 THEN h.created + make_interval(hours => 2 + h.n % 72) END
         FROM history h`,
      [estate.companyId, estate.id],
    );
    // The log as a repair writes it: filed, dispatched, accepted, arrived, completed, and the
    // owner's confirmation with a rating on seven in ten.
    await client.query(
      `INSERT INTO "InstanceEvent" ("companyId", "instanceId", seq, type, data, "actorKind", "createdAt")
       SELECT $1::uuid, h.id, step.seq, step.type,
              CASE WHEN step.type = 'CONFIRM' THEN jsonb_build_object('data', jsonb_build_object('rating', 1 + h.n % 5))
                   ELSE jsonb_build_object('data', jsonb_build_object('note', '已处理'), 'actor', jsonb_build_object('roles', jsonb_build_array('technician'))) END,
              'staff'::"PrincipalKind", h.created + make_interval(mins => step.seq * 30)
         FROM history h
        CROSS JOIN (VALUES (1, 'start'), (2, 'DISPATCH'), (3, 'ACCEPT'), (4, 'ARRIVE'), (5, 'COMPLETE'), (6, 'CONFIRM')) AS step(seq, type)
        WHERE step.type <> 'CONFIRM' OR h.n % 10 BETWEEN 1 AND 7`,
      [estate.companyId],
    );
    await client.query('COMMIT');
    await client.query('ANALYZE "Instance", "Task", "InstanceEvent"');
    return { estateId: estate.id, seconds: (performance.now() - started) / 1000 };
  } finally {
    await client.end();
  }
}

async function signIn(url, email) {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'estateflow' }),
  });
  if (!login.ok) throw new Error(`sign-in ${login.status}`);
  return login.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
}

/** Times `ROUNDS` requests of each route in turn (after one untimed round); p50 and p99 in ms, and the last body's size. */
async function timeRoutes(url, cookie, routes) {
  const times = Object.fromEntries(Object.keys(routes).map((name) => [name, []]));
  const sizes = {};
  for (let round = 0; round <= ROUNDS; round++) {
    for (const [name, route] of Object.entries(routes)) {
      const started = performance.now();
      const response = await fetch(`${url}${route}`, { headers: { cookie } });
      const body = Buffer.from(await response.arrayBuffer());
      if (!response.ok) throw new Error(`${route}: ${response.status} ${body.toString('utf8').slice(0, 300)}`);
      if (round > 0) times[name].push(performance.now() - started);
      sizes[name] = body.length;
    }
  }
  return Object.fromEntries(
    Object.entries(times).map(([name, list]) => {
      const sorted = list.sort((a, b) => a - b);
      const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
      return [name, { p50: at(0.5), p99: at(0.99), bytes: sizes[name] }];
    }),
  );
}

/** A local date in the demo estates' zone (Asia/Shanghai, UTC+8), `daysAgo` days before today. */
function localDate(daysAgo) {
  const date = new Date(Date.now() + 8 * 3_600_000 - daysAgo * 86_400_000);
  return date.toISOString().slice(0, 10);
}

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'estateflow-bench-reports-'));
const database = await startThrowawayPostgres();
let engine;
try {
  engine = await launchEngine({ databaseUrl: database.url, dataDir: folder, env: { NODE_ENV: 'production' } });
  const databaseUrl = database.url;
  const { estateId, seconds } = await writeHistory(databaseUrl, REQUESTS);
  console.log(`history: ${REQUESTS} repairs over 365 days in one estate, written in ${seconds.toFixed(1)} s`);
  const cookie = await signIn(engine.url, 'manager@demo.estateflow.cn');
  const year = `estateId=${estateId}&from=${localDate(364)}&to=${localDate(0)}`;
  const results = await timeRoutes(engine.url, cookie, {
    'inbox (baseline)': `/api/tasks?estateId=${estateId}&scope=all`,
    "year's report": `/api/reports/summary?${year}`,
    "this month's report": `/api/reports/summary?estateId=${estateId}`,
    "year's export (CSV)": `/api/reports/requests.csv?${year}`,
  });
  console.log(`${ROUNDS} requests each, in turn, one at a time (ms):`);
  for (const [name, result] of Object.entries(results)) {
    console.log(
      `${name.padEnd(22)} p50 ${result.p50.toFixed(1).padStart(7)}  p99 ${result.p99.toFixed(1).padStart(7)}  ${(result.bytes / 1024).toFixed(0)} KB`,
    );
  }
  console.log(`ratio: ${(results["year's report"].p50 / results['inbox (baseline)'].p50).toFixed(2)}`);
} finally {
  engine?.child.kill('SIGTERM');
  await new Promise((resolve) => (engine ? engine.child.once('exit', resolve) : resolve()));
  await database.stop();
  fs.rmSync(folder, { recursive: true, force: true });
}
