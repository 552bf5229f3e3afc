// Owners-and-units import throughput: a 20,000-row .xlsx uploaded, validated and committed
// (one transaction) on a fresh engine with its embedded PostgreSQL; prints rows per second.
// Usage: npm run bench:import [-- <rows>]   (build first: npm run build)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';

import { launchEngine, requireBuiltEngine } from './launch-engine.mjs';

requireBuiltEngine();
const ROWS = Number(process.argv[2] ?? 20_000);

function launch(dataDir) {
  return launchEngine({ dataDir, env: { ESTATEFLOW_WORKER_POLL_MS: '50' } });
}

async function workbook(rows) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('业主名册');
  sheet.addRow(['楼栋', '单元', '房号', '姓名', '手机号', '身份证号', '身份', '建筑面积']);
  for (let index = 0; index < rows; index++) {
    const within = Math.floor(index / 2);
    const room = `${Math.floor(within / 20) + 1}${String((within % 20) + 1).padStart(2, '0')}`;
    sheet.addRow(['88', (index % 2) + 1, room, `业主${index}`, String(16600000000 + index), '', index % 7 === 0 ? '租户' : '业主', 95.5]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function settle(url, cookie, id, from) {
  for (;;) {
    const view = await (await fetch(`${url}/api/admin/imports/${id}`, { headers: { cookie } })).json();
    if (view.status !== from) return view;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'estateflow-bench-import-'));
const { url, child } = await launch(dataDir);
try {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.estateflow.cn', password: 'estateflow' }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const estates = await (await fetch(`${url}/api/admin/estates`, { headers: { cookie } })).json();
  const estate = estates.find((item) => item.code === 'sunshine');
  const bytes = await workbook(ROWS);

  const t0 = performance.now();
  const form = new FormData();
  form.append('file', new Blob([bytes]), 'bench.xlsx');
  const uploaded = await (
    await fetch(`${url}/api/admin/estates/${estate.id}/imports`, { method: 'POST', headers: { cookie }, body: form })
  ).json();
  const t1 = performance.now();
  const validated = await settle(url, cookie, uploaded.id, 'validating');
  const t2 = performance.now();
  if (validated.status !== 'ready') throw new Error(`validation ended ${validated.status}: ${JSON.stringify(validated.preview)}`);
  await fetch(`${url}/api/admin/imports/${uploaded.id}/commit`, { method: 'POST', headers: { cookie } });
  const committed = await settle(url, cookie, uploaded.id, 'committing');
  const t3 = performance.now();
  if (committed.status !== 'committed') throw new Error(`commit ended ${committed.status}: ${committed.failure}`);

  const rate = (ms) => Math.round(ROWS / (ms / 1000)).toLocaleString('en');
  console.log(`rows: ${ROWS.toLocaleString('en')} (${(bytes.length / 1024 / 1024).toFixed(1)} MB .xlsx)`);
  console.log(`upload + read workbook: ${((t1 - t0) / 1000).toFixed(2)} s  ${rate(t1 - t0)} rows/s`);
  console.log(`validate + preview:     ${((t2 - t1) / 1000).toFixed(2)} s  ${rate(t2 - t1)} rows/s`);
  console.log(`commit (1 transaction): ${((t3 - t2) / 1000).toFixed(2)} s  ${rate(t3 - t2)} rows/s`);
  console.log(`end to end:             ${((t3 - t0) / 1000).toFixed(2)} s  ${rate(t3 - t0)} rows/s`);
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
