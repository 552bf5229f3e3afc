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

  it('backs up daily at 03:00 into the data folder, keeping a week and four weeks, unless told otherwise', () => {
    expect(loadConfig({}).backups).toEqual({ dir: path.resolve('.data', 'backups'), daily: { hour: 3, keepDays: 7, keepWeeks: 4 } });
    expect(loadConfig({ ESTATEFLOW_DATA_DIR: '/srv/ef' }).backups.dir).toBe(path.resolve('/srv/ef/backups'));
    const own = loadConfig({ ESTATEFLOW_BACKUP_DIR: '/mnt/backups', ESTATEFLOW_BACKUP_HOUR: '23', ESTATEFLOW_BACKUP_KEEP_WEEKS: '0' });
    expect(own.backups).toEqual({ dir: path.resolve('/mnt/backups'), daily: { hour: 23, keepDays: 7, keepWeeks: 0 } });
    expect(loadConfig({ ESTATEFLOW_BACKUPS: 'false' }).backups.daily).toBeNull();
  });

  it.each([
    [{ ESTATEFLOW_BACKUP_HOUR: '24' }, 'ESTATEFLOW_BACKUP_HOUR'],
    [{ ESTATEFLOW_BACKUP_KEEP_DAYS: '0' }, 'ESTATEFLOW_BACKUP_KEEP_DAYS'],
    [{ ESTATEFLOW_BACKUPS: 'sometimes' }, 'ESTATEFLOW_BACKUPS'],
    [{ ESTATEFLOW_METRICS_TOKEN: 'short' }, 'ESTATEFLOW_METRICS_TOKEN'],
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
