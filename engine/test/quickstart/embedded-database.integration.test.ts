import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../harness/engine-process';
import { HttpClient } from '../harness/http-client';

const MAIN = path.join(REPOSITORY_ROOT, 'engine', 'dist', 'main.js');

describe('the quick start: the engine on its built-in database', () => {
  // PostgreSQL's first start creates its cluster, then migrations and the demo data: a minute on a loaded machine.
  it('starts with no DATABASE_URL, answers, and stops cleanly on Ctrl+C in its terminal', { timeout: 240_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'estateflow-quickstart-'));
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', ESTATEFLOW_DATA_DIR: dataDir };
    delete env['DATABASE_URL'];
    delete env['ESTATEFLOW_DATA_KEY'];
    delete env['LOG_LEVEL'];
    // Its own process group, like a terminal's foreground job: Ctrl+C reaches the engine and the
    // PostgreSQL it started at the same moment.
    const child = spawn(process.execPath, [MAIN], { cwd: REPOSITORY_ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 200_000;
      let url: string | undefined;
      while (url === undefined && Date.now() < deadline) {
        url = /EstateFlow is running at (http:\/\/\S+)/.exec(output)?.[1]?.replace('localhost', '127.0.0.1');
        if (child.exitCode !== null) throw new Error(`the engine exited before it was ready:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      if (url === undefined) throw new Error(`the engine did not start:\n${output}`);
      const health = await new HttpClient(url).get('/api/health');
      expect(health.status, JSON.stringify(health.body)).toBe(200);
      // Where the daily backups go (docs/backups.md), said where the person who started it reads.
      expect(output).toContain(`Backups         daily at 03:00 into ${path.join(dataDir, 'backups')}`);

      process.kill(-(child.pid ?? 0), 'SIGINT');
      expect(await exited).toBe(0);
      expect(output).toContain('Received SIGINT, stopping.');
      // Nothing that looks like a problem to the person who pressed Ctrl+C.
      expect(output).not.toMatch(/was closed by the server|ERROR|Error:/);
    } finally {
      if (child.exitCode === null) process.kill(-(child.pid ?? 0), 'SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
