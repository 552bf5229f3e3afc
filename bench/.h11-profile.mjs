// The designer on a big workflow: a generated 300-state definition (20 compound stages of 13
// steps, ~520 transitions, node positions saved in `layout` as the designer saves them) is handed to the built designer's local editor page (/designer/local,
// `window.estateflowDesigner.load`), no engine needed. Prints two figures:
//   open → interactive: from load() until the canvas has drawn nodes and a click on one selects
//                       it (target ≤ 3000 ms);
//   pan fps:           frames per second while the canvas is panned by mouse drag for 2 s
//                       (target ≥ 30).
// Usage: npm run bench:designer   (builds the designer first when designer/dist is missing)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'designer', 'dist');
const STATES = 300;

if (!fs.existsSync(path.join(dist, 'index.html'))) {
  console.log('designer/dist is missing: building the designer…');
  execFileSync('npm', ['run', 'build', '-w', '@estateflow/designer'], { cwd: root, stdio: 'inherit' });
}

/** 300 states: 20 stages (compound states) of 13 steps each, and 20 top-level review states. */
function generateDefinition() {
  const states = {};
  const label = (zh, en) => ({ 'zh-CN': zh, en });
  let count = 0;
  const stages = 20;
  for (let stage = 0; stage < stages; stage += 1) {
    const children = {};
    for (let step = 0; step < 13; step += 1) {
      const next = step < 12 ? `s${step + 1}` : undefined;
      children[`s${step}`] = {
        meta: {
          label: label(`步骤 ${stage}-${step}`, `Step ${stage}-${step}`),
          task: { name: label('处理', 'Handle'), assignee: { role: 'technician' }, sla: { complete: 'PT4H' } },
        },
        on: next ? { NEXT: [{ target: next, meta: { label: label('下一步', 'Next') } }], BACK: [{ target: 's0' }] } : {},
      };
      count += 1;
    }
    children.s12.type = 'final';
    delete children.s12.on;
    delete children.s12.meta.task;
    states[`stage${stage}`] = {
      initial: 's0',
      meta: { label: label(`阶段 ${stage}`, `Stage ${stage}`) },
      states: children,
      onDone: [{ target: `review${stage}` }],
    };
    count += 1;
    states[`review${stage}`] =
      stage < stages - 1
        ? { meta: { label: label(`复核 ${stage}`, `Review ${stage}`) }, on: { OK: [{ target: `stage${stage + 1}` }] } }
        : { type: 'final' };
    count += 1;
  }
  if (count !== STATES) throw new Error(`generated ${count} states`);
  // Positions as a saved draft has them (children relative to their stage).
  const nodes = {};
  for (let stage = 0; stage < stages; stage += 1) {
    nodes[`stage${stage}`] = { x: (stage % 5) * 560, y: Math.floor(stage / 5) * 1400 };
    nodes[`review${stage}`] = { x: (stage % 5) * 560 + 120, y: Math.floor(stage / 5) * 1400 + 1220 };
    for (let step = 0; step < 13; step += 1)
      nodes[`stage${stage}.s${step}`] = { x: 24 + (step % 2) * 240, y: 64 + Math.floor(step / 2) * 150 };
  }
  return {
    formatVersion: 1,
    key: 'bench',
    name: label('压测', 'Bench'),
    machine: { id: 'bench', initial: 'stage0', states },
    forms: {},
    parameters: { type: 'object', properties: {} },
    tests: [],
    layout: { nodes },
  };
}

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };
const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname.startsWith('/api/')) {
    response.writeHead(401, { 'content-type': 'application/json' }).end('{"error":{"code":"unauthenticated","message":"bench"}}');
    return;
  }
  const relative = url.pathname.replace(/^\/designer\/?/, '');
  let file = path.join(dist, relative);
  if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(dist, 'index.html');
  response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
  fs.createReadStream(file).pipe(response);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = server.address().port;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`http://127.0.0.1:${port}/designer/local`);
  await page.waitForFunction(() => window.estateflowDesigner !== undefined);
  const definition = generateDefinition();
  const started = Date.now();
  const loaded = await page.evaluate((json) => window.estateflowDesigner.load(json), definition); console.log('load()', Date.now()-started);
  if (!loaded) throw new Error('the generated definition was refused');
  await page.waitForFunction(() => document.querySelectorAll('.react-flow__node[data-id^="stage"]').length > 0);
  const target = page.locator('.react-flow__node[data-id="review0"]');
  // At the fitted zoom a node is a few pixels wide: the click goes to the node element itself.
  console.log('nodes', Date.now()-started); if (process.env.SETTLE) { await page.waitForTimeout(4000); } const cdp = await page.context().newCDPSession(page); await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 200 }); await cdp.send('Profiler.start'); const c0 = Date.now(); await target.dispatchEvent('click'); console.log('dispatch took', Date.now()-c0); console.log('clicked', Date.now()-started);
  await page.waitForSelector('.react-flow__node[data-id="review0"].selected, .react-flow__node[data-id="review0"] .is-selected'); console.log('click→selected', Date.now()-c0); await page.waitForTimeout(500);
{ const t2 = page.locator('.react-flow__node[data-id="review1"]'); const c1 = Date.now(); await t2.dispatchEvent('click'); await page.waitForSelector('.react-flow__node[data-id="review1"].selected'); console.log('second click→selected', Date.now() - c1); }
const { profile } = await cdp.send('Profiler.stop');
const self = new Map(); const dt = profile.timeDeltas; const byId = new Map(profile.nodes.map((n) => [n.id, n]));
profile.samples.forEach((id, i) => { const n = byId.get(id); const f = n.callFrame; const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`; self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0)); });
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${(v / 1000).toFixed(0)}ms ${k}`).join('\n'));
  const interactiveMs = Date.now() - started;

  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('no canvas');
  await page.evaluate(() => {
    window.__frames = 0;
    window.__counting = true;
    const tick = () => {
      if (!window.__counting) return;
      window.__frames += 1;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const x = pane.x + pane.width / 2;
  const y = pane.y + pane.height / 2;
  const panStart = Date.now();
  await page.mouse.move(x, y);
  await page.mouse.down();
  let step = 0;
  while (Date.now() - panStart < 2000) {
    step += 1;
    await page.mouse.move(x + Math.sin(step / 10) * 300, y + Math.cos(step / 13) * 200, { steps: 1 });
  }
  await page.mouse.up();
  const frames = await page.evaluate(() => {
    window.__counting = false;
    return window.__frames;
  });
  const fps = frames / ((Date.now() - panStart) / 1000);
  console.log(`designer: ${STATES}-state definition open → interactive ${interactiveMs} ms (target ≤ 3000)`);
  console.log(`designer: pan ${fps.toFixed(1)} fps (target ≥ 30)`);
  process.exitCode = interactiveMs <= 3000 && fps >= 30 ? 0 : 1;
} finally {
  await browser.close();
  server.close();
}
