import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('starts on the embedded database in .data with port 3000 and demo data when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeNull();
    expect(config.dataDir).toBe(path.resolve('.data'));
    expect(config.seedDemo).toBe(true);
    expect(config.demoHistory).toBe(true);
    expect(loadConfig({ ESTATEFLOW_DEMO_HISTORY: 'false' }).demoHistory).toBe(false);
  });

  it('does not load demo data into an external database unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://u:p@db:5432/x' }).seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgresql://u:p@db:5432/x', ESTATEFLOW_SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x@y/z' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ ESTATEFLOW_DATA_KEY: 'c2hvcnQ=' }, 'ESTATEFLOW_DATA_KEY'],
    [{ ESTATEFLOW_SEED_DEMO: 'maybe' }, 'ESTATEFLOW_SEED_DEMO'],
  ])('refuses %o with a message naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });
});
