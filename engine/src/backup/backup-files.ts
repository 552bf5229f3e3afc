import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip, type Gzip } from 'node:zlib';
import type { BackupFile } from './backup-manifest';

/** The lines of a gzip file inside a backup (errors in it reject the loop). */
export async function* gzipLines(file: string): AsyncGenerator<string> {
  const gunzip = createGunzip();
  const source = fs.createReadStream(file);
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of gunzip) {
    const parts = (rest + decoder.write(chunk as Buffer)).split('\n');
    rest = parts.pop() ?? '';
    yield* parts;
  }
  rest += decoder.end();
  if (rest !== '') yield rest;
}

/** Writes a gzip file of lines into a backup folder, counting them and hashing them uncompressed (BackupFile). */
export class LinesFile {
  private readonly gzip: Gzip = createGzip();
  private readonly written: Promise<void>;
  private readonly hash: Hash = createHash('sha256');
  private rows = 0;

  constructor(
    folder: string,
    private readonly file: string,
  ) {
    this.written = pipeline(this.gzip, fs.createWriteStream(path.join(folder, file), { flags: 'wx', mode: 0o600 }));
  }

  async write(lines: readonly string[]): Promise<void> {
    if (lines.length === 0) return;
    const chunk = lines.join('\n') + '\n';
    this.hash.update(chunk);
    this.rows += lines.length;
    if (!this.gzip.write(chunk)) await new Promise((resolve) => this.gzip.once('drain', resolve));
  }

  async close(): Promise<BackupFile> {
    this.gzip.end();
    await this.written;
    return { file: this.file, rows: this.rows, sha256: this.hash.digest('hex') };
  }

  /** After a failure: the file is left unfinished (its folder is removed). */
  abort(): void {
    this.gzip.destroy();
    this.written.catch(() => undefined);
  }
}

/** What is wrong with a file of a backup against its manifest entry, or null. */
export async function backupFileProblem(folder: string, entry: BackupFile): Promise<string | null> {
  const file = path.join(folder, entry.file);
  if (!fs.existsSync(file)) return `${entry.file} is missing`;
  const hash = createHash('sha256');
  let rows = 0;
  try {
    for await (const line of gzipLines(file)) {
      hash.update(line + '\n');
      rows += 1;
    }
  } catch (error) {
    return `${entry.file} cannot be read (${error instanceof Error ? error.message : String(error)})`;
  }
  if (rows !== entry.rows) return `${entry.file} holds ${rows} rows; the manifest says ${entry.rows}`;
  if (hash.digest('hex') !== entry.sha256) return `${entry.file} does not match its checksum: it changed after the backup was written`;
  return null;
}

/** sha256 of a file's bytes, streamed. */
export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}
