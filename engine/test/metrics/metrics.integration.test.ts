import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngineProcess, startEngine } from '../harness/engine-process';
import { publishAndBindRepair, repairReport, signInStaff, type RepairSetup } from '../instances/workflow-setup';
import { readDemoLogins } from '../harness/demo-logins';

// Monitoring (DOMAIN.md: Prometheus): GET /api/metrics in Prometheus' text format, for a scraper
// holding the token (or this machine only), with the whole installation's figures and nobody's data.

const TOKEN = 'metrics-token-for-tests-0123456789';

let engine: EngineProcess;
let setup: RepairSetup;
let backupDir: string;

async function scrape(url: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string | null; text: string }> {
  const response = await fetch(`${url}/api/metrics`, { headers });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

/** The value of one sample, by its name and labels as written in the exposition. */
function sample(text: string, series: string): number | null {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? null : Number(line.slice(series.length + 1));
}

beforeAll(async () => {
  backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'estateflow-metrics-backups-'));
  engine = await startEngine({ env: { ESTATEFLOW_METRICS_TOKEN: TOKEN, ESTATEFLOW_BACKUP_DIR: backupDir } });
  setup = await publishAndBindRepair(engine.url, engine.dataDir);
}, 240_000);

afterAll(async () => {
  await engine?.stop();
});

describe('metrics for Prometheus', () => {
  it('asks a scraper for the token, and says how to send it', async () => {
    const without = await scrape(engine.url);
    expect(without.status).toBe(401);
    expect(without.text).toContain('Authorization: Bearer');
    expect((await scrape(engine.url, { authorization: 'Bearer wrong-token-of-some-length' })).status).toBe(401);
    const scraped = await scrape(engine.url, { authorization: `Bearer ${TOKEN}` });
    expect(scraped.status).toBe(200);
    expect(scraped.type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(scraped.text).toContain('# TYPE estateflow_http_requests_total counter');
    expect(scraped.text).toMatch(/^estateflow_info\{version="[^"]+"\} 1$/m);
    expect(scraped.text).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(scraped.text).toMatch(/^estateflow_database_connections\{pool="event",state="open"\} \d+/m);
  });

  it('counts requests by route pattern and status, and shows the jobs they left, open incidents and the newest backup', async () => {
    const logins = readDemoLogins(engine.dataDir);
    const desk = await signInStaff(engine.url, logins, { company: 'demo', email: 'frontdesk@demo.estateflow.cn' });
    const series = 'estateflow_http_requests_total{method="POST",route="/api/estates/:estateId/instances",status="201"}';
    const before = sample((await scrape(engine.url, { authorization: `Bearer ${TOKEN}` })).text, series) ?? 0;
    const started = await desk.post(`/api/estates/${setup.estateId}/instances`, { workflowKey: setup.workflowKey, data: repairReport() });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    expect((await desk.post(`/api/estates/${setup.estateId}/instances`, { workflowKey: setup.workflowKey, data: {} })).status).toBe(422);

    const database = new Client({ connectionString: engine.databaseUrl });
    await database.connect();
    let companyId = '';
    try {
      const incident = await database.query<{ companyId: string }>(
        `INSERT INTO "Incident" (id, "companyId", "estateId", "instanceId", kind, message) SELECT gen_random_uuid(), "companyId", "estateId", id, 'webhook', 'the ERP answered 500' FROM "Instance" WHERE id = $1 RETURNING "companyId"::text AS "companyId"`,
        [started.body.id],
      );
      companyId = incident.rows[0]?.companyId ?? '';
    } finally {
      await database.end();
    }
    fs.mkdirSync(path.join(backupDir, 'estateflow-20261120T030000Z'));
    fs.writeFileSync(path.join(backupDir, 'estateflow-20261120T030000Z', 'manifest.json'), '{}');

    const after = (await scrape(engine.url, { authorization: `Bearer ${TOKEN}` })).text;
    expect(sample(after, series)).toBe(before + 1);
    expect(sample(after, 'estateflow_http_requests_total{method="POST",route="/api/estates/:estateId/instances",status="422"}')).toBe(1);
    expect(
      sample(after, 'estateflow_http_request_duration_seconds_count{method="POST",route="/api/estates/:estateId/instances"}'),
    ).toBeGreaterThanOrEqual(2);
    // The repair's respond deadline is a pending timer.
    expect(after).toMatch(/^estateflow_jobs\{kind="timer",status="pending"\} [1-9]\d*$/m);
    expect(sample(after, 'estateflow_incidents_open{kind="webhook"}')).toBe(1);
    expect(sample(after, 'estateflow_backup_last_success_timestamp_seconds')).toBe(Date.parse('2026-11-20T03:00:00Z') / 1000);

    // Routes, kinds and states only: no company, estate, request or person in any label.
    expect(companyId).not.toBe('');
    for (const id of [setup.estateId, started.body.id, companyId]) expect(after).not.toContain(id);
    expect(after).not.toContain(started.body.reference);
    const labelValues = [...after.matchAll(/="([^"]*)"/g)].map((match) => match[1] ?? '');
    expect(labelValues.filter((value) => /1[3-9]\d{9}/.test(value))).toEqual([]);
  });

  it('without a token, answers this machine only', async () => {
    const open = await startEngine({ seed: false });
    try {
      expect((await scrape(open.url)).status).toBe(200);
      // The engine trusts X-Forwarded-For from a proxy on this machine: a client elsewhere behind it is refused.
      const forwarded = await scrape(open.url, { 'x-forwarded-for': '203.0.113.7' });
      expect(forwarded.status).toBe(403);
      expect(forwarded.text).toContain('ESTATEFLOW_METRICS_TOKEN');
    } finally {
      await open.stop();
    }
  }, 120_000);
});
