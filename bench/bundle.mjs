// The owner portal's weight and speed on a phone: the gzip size of the JavaScript the first page
// needs (the entry script plus every module it preloads; target ≤ 300 KB) and its first
// contentful paint in Chromium with the CPU slowed 4× (CDP Emulation.setCPUThrottlingRate).
// The built files are served by a tiny static server in this process; /api answers 401, so the
// page measured is the sign-in page every owner sees first.
// Usage: npm run bench:bundle   (builds runtime-web first when dist/portal is missing)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const distRoot = path.join(root, 'runtime-web', 'dist');
const portalDir = path.join(distRoot, 'portal');
const budgetKb = 300;
const runs = Number(process.env.BENCH_RUNS ?? 5);

if (!fs.existsSync(path.join(portalDir, 'index.html'))) {
  console.log('runtime-web/dist/portal is missing: building runtime-web…');
  execFileSync('npm', ['run', 'build', '-w', '@estateflow/runtime-web'], { cwd: root, stdio: 'inherit' });
}

// ---- the entry module and its modulepreloads, as index.html lists them (the first page's own
// lazy chunk is counted below from what the browser actually fetched)
const html = fs.readFileSync(path.join(portalDir, 'index.html'), 'utf8');
const urls = [
  ...[...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)].map((match) => match[1]),
  ...[...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((match) => match[1]),
];
const cssUrls = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((match) => match[1]);
const fileOf = (url) => path.join(distRoot, url.replace(/^\//, ''));
const gzipBytes = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const jsGzip = urls.reduce((sum, url) => sum + gzipBytes(fileOf(url)), 0);
const cssGzip = cssUrls.reduce((sum, url) => sum + gzipBytes(fileOf(url)), 0);
const allJs = fs.readdirSync(path.join(portalDir, 'assets')).filter((name) => name.endsWith('.js'));
const totalGzip = allJs.reduce((sum, name) => sum + gzipBytes(path.join(portalDir, 'assets', name)), 0);

// ---- a static server like the engine's: /portal/* from dist/portal, index.html fallback
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};
const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname.startsWith('/api/')) {
    response.writeHead(401, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ error: { code: 'unauthenticated', message: 'sign in first' } }));
    return;
  }
  const relative = url.pathname.replace(/^\/portal\/?/, '');
  let file = path.join(portalDir, path.normalize(relative).replace(/^(\.\.[/\\])+/, ''));
  if (!file.startsWith(portalDir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(portalDir, 'index.html');
  const body = fs.readFileSync(file);
  const gzip = /\.(js|css|html)$/.test(file) && /gzip/.test(String(request.headers['accept-encoding']));
  response.writeHead(200, {
    'content-type': types[path.extname(file)] ?? 'application/octet-stream',
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  });
  response.end(gzip ? zlib.gzipSync(body) : body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const paints = [];
const ready = [];
let firstPageJs = new Set();
try {
  for (let run = 0; run < runs; run += 1) {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 3,
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const fetched = new Set();
    page.on('request', (request) => {
      if (request.url().endsWith('.js')) fetched.add(new URL(request.url()).pathname);
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(`${base}/portal/`, { waitUntil: 'load' });
    await page.locator('input[autocomplete="tel"]').waitFor({ timeout: 30_000 });
    ready.push(await page.evaluate(() => performance.now()));
    firstPageJs = new Set(fetched);
    const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
    if (typeof fcp === 'number') paints.push(fcp);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}

const medianOf = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : NaN;
};
const median = medianOf(paints);
const firstPageGzip = [...firstPageJs].reduce((sum, url) => sum + gzipBytes(fileOf(url)), 0);
const kb = (bytes) => (bytes / 1024).toFixed(1);
console.log(
  `owner portal initial JS (gzip): ${kb(firstPageGzip)} KB in ${firstPageJs.size} files fetched for the sign-in page (entry + preloads alone: ${kb(jsGzip)} KB) — budget ${budgetKb} KB: ${firstPageGzip / 1024 <= budgetKb ? 'ok' : 'OVER'}`,
);
console.log(`owner portal initial CSS (gzip): ${kb(cssGzip)} KB; all portal JS incl. lazy chunks (gzip): ${kb(totalGzip)} KB`);
console.log(
  `first contentful paint, 4x CPU throttling, median of ${paints.length}: ${median.toFixed(0)} ms (runs: ${paints.map((value) => value.toFixed(0)).join(', ')})`,
);
console.log(`sign-in form ready (phone input visible), 4x CPU throttling, median: ${medianOf(ready).toFixed(0)} ms`);
if (firstPageGzip / 1024 > budgetKb) process.exitCode = 1;
