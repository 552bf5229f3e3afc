import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The keys that protect personal data. Keys never enter the database: they come from
 * ESTATEFLOW_DATA_KEY (+ ESTATEFLOW_PREVIOUS_DATA_KEYS) or from the key file
 * `<dataDir>/keys/data.key` (JSON, mode 0600), created on first start. A key's id is a
 * fingerprint of the key itself, so the same key has the same id wherever it is configured.
 */
export interface KeyRing {
  /** New ciphertexts and blind indexes use this key. */
  currentId: string;
  /** Every key that may still be needed to read, by id (the current one included). */
  keys: ReadonlyMap<string, Buffer>;
  /** Where the keys came from, for messages. */
  source: 'environment' | 'file';
}

interface KeyFile {
  current: string;
  keys: { id: string; key: string; createdAt: string }[];
}

export function keyId(key: Buffer): string {
  return createHash('sha256').update('estateflow-data-key-id').update(key).digest('hex').slice(0, 12);
}

export function keyFilePath(dataDir: string): string {
  return path.join(dataDir, 'keys', 'data.key');
}

function decodeKey(base64: string, where: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error(`${where}: a data key must be 32 bytes in base64.`);
  return key;
}

function isKeyFile(value: unknown): value is KeyFile {
  if (typeof value !== 'object' || value === null || !('current' in value) || !('keys' in value)) return false;
  const { current, keys } = value;
  return (
    typeof current === 'string' &&
    Array.isArray(keys) &&
    keys.every(
      (entry: unknown) =>
        typeof entry === 'object' &&
        entry !== null &&
        'id' in entry &&
        'key' in entry &&
        typeof entry.id === 'string' &&
        typeof entry.key === 'string',
    )
  );
}

function readKeyFile(file: string): KeyFile {
  const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!isKeyFile(parsed)) throw new Error(`${file} is not an EstateFlow key file.`);
  return parsed;
}

/** Writes the key file atomically with mode 0600 (a temp file renamed over the old one). */
function writeKeyFile(file: string, content: KeyFile): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(content, null, 2) + '\n', { mode: 0o600, flag: 'w' });
  fs.chmodSync(temp, 0o600);
  fs.renameSync(temp, file);
}

function ringFromFile(file: string): KeyRing {
  const content = readKeyFile(file);
  const keys = new Map<string, Buffer>();
  for (const entry of content.keys) {
    const key = decodeKey(entry.key, file);
    keys.set(keyId(key), key);
  }
  if (!keys.has(content.current)) throw new Error(`${file}: the current key ${content.current} is not in the file.`);
  return { currentId: content.current, keys, source: 'file' };
}

/** Creates the key file with one fresh key unless it exists; safe when two engines start together. */
function ensureKeyFile(file: string): void {
  if (fs.existsSync(file)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  const content: KeyFile = {
    current: keyId(key),
    keys: [{ id: keyId(key), key: key.toString('base64'), createdAt: new Date().toISOString() }],
  };
  try {
    // 'wx': exactly one process creates it; the others read what it wrote.
    fs.writeFileSync(file, JSON.stringify(content, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
  }
}

/** The key ring the configuration asks for, creating the key file on first start. */
export function loadKeyRing(input: { dataKey: string | null; previousDataKeys: string[]; dataDir: string }): KeyRing {
  if (input.dataKey === null) ensureKeyFile(keyFilePath(input.dataDir));
  const ring = findKeyRing(input);
  if (ring === null) throw new Error(`${keyFilePath(input.dataDir)} is missing.`);
  return ring;
}

/** The key ring the configuration holds, or null when it names no key and the key file does not exist (yet). */
export function findKeyRing(input: { dataKey: string | null; previousDataKeys: string[]; dataDir: string }): KeyRing | null {
  if (input.dataKey !== null) {
    const current = decodeKey(input.dataKey, 'ESTATEFLOW_DATA_KEY');
    const keys = new Map<string, Buffer>([[keyId(current), current]]);
    for (const previous of input.previousDataKeys) {
      const key = decodeKey(previous, 'ESTATEFLOW_PREVIOUS_DATA_KEYS');
      keys.set(keyId(key), key);
    }
    return { currentId: keyId(current), keys, source: 'environment' };
  }
  const file = keyFilePath(input.dataDir);
  return fs.existsSync(file) ? ringFromFile(file) : null;
}

/** Adds a fresh key to the key file and makes it current; older keys stay for reading. */
export function addKeyToFile(dataDir: string): string {
  const file = keyFilePath(dataDir);
  const content = readKeyFile(file);
  const key = randomBytes(32);
  const id = keyId(key);
  writeKeyFile(file, { current: id, keys: [...content.keys, { id, key: key.toString('base64'), createdAt: new Date().toISOString() }] });
  return id;
}

/** Removes keys no ciphertext uses any more from the key file (never the current one). */
export function retireKeysInFile(input: { dataDir: string; keep: ReadonlySet<string> }): string[] {
  const file = keyFilePath(input.dataDir);
  const content = readKeyFile(file);
  const retired = content.keys.filter((entry) => entry.id !== content.current && !input.keep.has(entry.id)).map((entry) => entry.id);
  if (retired.length > 0)
    writeKeyFile(file, { current: content.current, keys: content.keys.filter((entry) => !retired.includes(entry.id)) });
  return retired;
}
