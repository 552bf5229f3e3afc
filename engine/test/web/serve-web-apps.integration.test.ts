import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngineProcess, startEngine } from '../harness/engine-process';

// The engine serves the three built apps on its own port, with client-side routes surviving a reload.
describe('the web apps on the engine’s port', () => {
  let engine: EngineProcess;
  beforeAll(async () => {
    engine = await startEngine({ seed: false });
  });
  afterAll(() => engine?.stop());

  it.each(['/designer', '/app', '/portal'])(
    'redirects %s to its folder, and serves its page there without a redirect loop',
    async (mount) => {
      const bare = await fetch(engine.url + mount, { redirect: 'manual' });
      expect(bare.status).toBe(302);
      expect(bare.headers.get('location')).toBe(`${mount}/`);

      const page = await fetch(`${engine.url}${mount}/`, { redirect: 'manual' });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toContain('<div id="root"');
    },
  );

  it('answers a deep link inside an app with the app’s page, under a strict Content-Security-Policy', async () => {
    const page = await fetch(`${engine.url}/app/tasks/some-task`, { redirect: 'manual' });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root"');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it.each([
    '/app/assets/../../../engine/package.json',
    '/app/..%2f..%2fpackage.json',
    '/portal/%2e%2e/%2e%2e/package.json',
    '/designer/assets/..%2F..%2F..%2Fpackage.json',
  ])('never serves a file outside the app’s folder: %s', async (rawPath) => {
    // Sent as written: fetch() would resolve the dot segments before sending.
    const reply = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const url = new URL(engine.url);
      const outgoing = http.request({ host: url.hostname, port: url.port, path: rawPath }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      outgoing.on('error', reject);
      outgoing.end();
    });
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain('"dependencies"');
    expect(JSON.parse(reply.body)).toEqual({ error: { code: 'not_found', message: 'There is nothing at this address.' } });
  });

  it('sends the root to the staff app and keeps unknown API paths as JSON 404s', async () => {
    const root = await fetch(`${engine.url}/`, { redirect: 'manual' });
    expect(root.headers.get('location')).toBe('/app/');
    const api = await fetch(`${engine.url}/api/no-such-thing`);
    expect(api.status).toBe(404);
    const body = (await api.json()) as { error: { code: string } };
    expect(body.error.code).toBe('not_found');
  });
});
