import path from 'node:path';

/** The engine's settings, read once from the environment at start (docs/configuration.md). */
export interface EngineConfig {
  port: number;
  host: string;
  /** Where the embedded database, uploads, keys and development messages live. */
  dataDir: string;
  /** An external PostgreSQL; when absent the engine starts an embedded one in dataDir. */
  databaseUrl: string | null;
  environment: 'development' | 'production' | 'test';
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Load demo data into an empty database on start. */
  seedDemo: boolean;
  /** With the demo data, four months of past repairs, complaints and inspection rounds in each demo estate (reports and lists have something to show). */
  demoHistory: boolean;
  /** Base64 AES-256 key for personal data; when absent, a key file in dataDir is used or created. */
  dataKey: string | null;
  /** Older base64 keys still accepted for reading while `rotate-key` moves data to dataKey. */
  previousDataKeys: string[];
  /** Where the web apps' built files are; the engine serves them on its own port. */
  webRoot: string;
  /** Cross-site mutating requests are refused unless their Origin is one of these (besides the engine's own). */
  allowedOrigins: string[];
  /** Sessions last this many hours. */
  sessionHours: number;
  /** Workers that process timers and side effects run in this process. */
  runWorkers: boolean;
  /** Job worker timing (engine/src/jobs); tests shorten it. `crashAt` is a test-only fault point. */
  worker: { pollMs: number; leaseMs: number; backoffMs: number; crashAt: string | null };
  /** Instance and event requests one process works on at once; more are refused with 503 + Retry-After (RELIABILITY 9). */
  maxConcurrentEvents: number;
  /** SMTP server for e-mail notifications (smtp://user:password@host:587); none: the development sender. */
  smtpUrl: string | null;
  /** The SMS gateway (docs/configuration.md); none: the development sender. */
  smsGateway: MessageGatewayConfig | null;
  /** The WeChat template-message gateway; none: the development sender. */
  wechatGateway: MessageGatewayConfig | null;
  /** The bearer token a Prometheus scraper sends for GET /api/metrics; null: only this machine may read them. */
  metricsToken: string | null;
  /** Where backups go (docs/backups.md), and the daily backup the engine takes itself (null: none). */
  backups: { dir: string; daily: BackupSchedule | null };
}

/** The engine's own backup: every day at `hour` (the machine's local time), keeping the newest. */
export interface BackupSchedule {
  hour: number;
  /** The newest backups kept, one a day. */
  keepDays: number;
  /** Besides those, the first backup of each of this many most recent weeks. */
  keepWeeks: number;
}

/** An HTTP message gateway: where to POST, the key that names us, the secret that signs each body. */
export interface MessageGatewayConfig {
  url: string;
  /** Access key id (SMS) or app id (WeChat), sent in X-EstateFlow-Key. */
  keyId: string;
  /** Access key secret (SMS) or app secret (WeChat): the HMAC-SHA256 signing key. */
  secret: string;
  /** SMS signature (【阳光物业】) or WeChat template id, passed to the gateway. */
  template: string | null;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, range: { min: number; max: number }): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw new ConfigError(`${name} must be a whole number from ${range.min} to ${range.max}; it is "${raw}".`);
  }
  return value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const found = allowed.find((candidate) => candidate === raw);
  if (found === undefined) throw new ConfigError(`${name} must be one of ${allowed.join(', ')}; it is "${raw}".`);
  return found;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false; it is "${raw}".`);
}

function databaseUrl(env: Env): string | null {
  const raw = env.DATABASE_URL;
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL is not a URL; expected postgresql://user:password@host:5432/database.');
  }
  if (url.protocol !== 'postgresql:' && url.protocol !== 'postgres:') {
    throw new ConfigError(`DATABASE_URL must start with postgresql://; it starts with ${url.protocol}//.`);
  }
  return raw;
}

function dataKey(env: Env): string | null {
  const raw = env.ESTATEFLOW_DATA_KEY;
  if (raw === undefined || raw === '') return null;
  if (Buffer.from(raw, 'base64').length !== 32) {
    throw new ConfigError('ESTATEFLOW_DATA_KEY must be 32 bytes in base64 (openssl rand -base64 32).');
  }
  return raw;
}

/**
 * A gateway is configured by its URL; the key and secret must come with it. In production the URL
 * must be https:// — the signature proves who sent a message, not that nobody read it.
 */
function gateway(
  env: Env,
  input: { prefix: string; keyName: string; secretName: string; templateName: string; production: boolean },
): MessageGatewayConfig | null {
  const urlName = `${input.prefix}_URL`;
  const raw = env[urlName];
  const keyId = env[input.keyName];
  const secret = env[input.secretName];
  if (raw === undefined || raw === '') {
    if (keyId || secret) throw new ConfigError(`${input.keyName} / ${input.secretName} are set but ${urlName} is not.`);
    return null;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${urlName} is not a URL; expected https://gateway.example.cn/send.`);
  }
  if (url.protocol !== 'https:' && (input.production || url.protocol !== 'http:'))
    throw new ConfigError(
      `${urlName} must start with https://${input.production ? ' in production' : ' (or http:// outside production)'}.`,
    );
  if (!keyId) throw new ConfigError(`${input.keyName} is required with ${urlName}.`);
  if (!secret || secret.length < 16) throw new ConfigError(`${input.secretName} is required with ${urlName} (at least 16 characters).`);
  return { url: url.toString(), keyId, secret, template: env[input.templateName] || null };
}

function metricsToken(env: Env): string | null {
  const raw = env.ESTATEFLOW_METRICS_TOKEN;
  if (raw === undefined || raw === '') return null;
  if (raw.length < 16) throw new ConfigError('ESTATEFLOW_METRICS_TOKEN must be at least 16 characters (openssl rand -hex 16).');
  return raw;
}

function backups(env: Env, dataDir: string): EngineConfig['backups'] {
  return {
    dir: path.resolve(env.ESTATEFLOW_BACKUP_DIR || path.join(dataDir, 'backups')),
    daily: flag(env, 'ESTATEFLOW_BACKUPS', true)
      ? {
          hour: integer(env, 'ESTATEFLOW_BACKUP_HOUR', 3, { min: 0, max: 23 }),
          keepDays: integer(env, 'ESTATEFLOW_BACKUP_KEEP_DAYS', 7, { min: 1, max: 366 }),
          keepWeeks: integer(env, 'ESTATEFLOW_BACKUP_KEEP_WEEKS', 4, { min: 0, max: 520 }),
        }
      : null,
  };
}

/** Reads and checks the configuration; a missing or bad value throws a ConfigError naming it. */
export function loadConfig(env: Env = process.env): EngineConfig {
  const environment = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const db = databaseUrl(env);
  const dataDir = path.resolve(env.ESTATEFLOW_DATA_DIR || '.data');
  return {
    port: integer(env, 'PORT', 3000, { min: 0, max: 65535 }),
    host: env.HOST || '0.0.0.0',
    dataDir,
    databaseUrl: db,
    environment,
    logLevel: oneOf(env, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, 'info'),
    seedDemo: flag(env, 'ESTATEFLOW_SEED_DEMO', db === null),
    demoHistory: flag(env, 'ESTATEFLOW_DEMO_HISTORY', true),
    dataKey: dataKey(env),
    previousDataKeys: (env.ESTATEFLOW_PREVIOUS_DATA_KEYS ?? '')
      .split(',')
      .map((key) => key.trim())
      .filter(Boolean),
    webRoot: path.resolve(env.ESTATEFLOW_WEB_ROOT || path.join(__dirname, '..', '..', '..')),
    allowedOrigins: (env.ESTATEFLOW_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    sessionHours: integer(env, 'ESTATEFLOW_SESSION_HOURS', 12, { min: 1, max: 24 * 90 }),
    runWorkers: flag(env, 'ESTATEFLOW_WORKERS', true),
    worker: {
      pollMs: integer(env, 'ESTATEFLOW_WORKER_POLL_MS', 1000, { min: 20, max: 60_000 }),
      leaseMs: integer(env, 'ESTATEFLOW_JOB_LEASE_MS', 60_000, { min: 500, max: 3_600_000 }),
      backoffMs: integer(env, 'ESTATEFLOW_JOB_BACKOFF_MS', 5_000, { min: 10, max: 3_600_000 }),
      // A fault-injection point for the kill tests (RELIABILITY 4); ignored outside NODE_ENV=test.
      crashAt: environment === 'test' ? env.ESTATEFLOW_TEST_CRASH_AT || null : null,
    },
    maxConcurrentEvents: integer(env, 'ESTATEFLOW_MAX_CONCURRENT_EVENTS', 64, { min: 1, max: 10_000 }),
    smtpUrl: env.ESTATEFLOW_SMTP_URL || null,
    smsGateway: gateway(env, {
      prefix: 'ESTATEFLOW_SMS',
      keyName: 'ESTATEFLOW_SMS_ACCESS_KEY_ID',
      secretName: 'ESTATEFLOW_SMS_ACCESS_KEY_SECRET',
      templateName: 'ESTATEFLOW_SMS_SIGN_NAME',
      production: environment === 'production',
    }),
    wechatGateway: gateway(env, {
      prefix: 'ESTATEFLOW_WECHAT',
      keyName: 'ESTATEFLOW_WECHAT_APP_ID',
      secretName: 'ESTATEFLOW_WECHAT_APP_SECRET',
      templateName: 'ESTATEFLOW_WECHAT_TEMPLATE_ID',
      production: environment === 'production',
    }),
    metricsToken: metricsToken(env),
    backups: backups(env, dataDir),
  };
}
