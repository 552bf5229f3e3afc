import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { EngineConfig } from '../config/config';
import { ENGINE_CONFIG } from '../config/config.module';

const KEY = /^[0-9a-f]{2}\/[0-9a-f]{32}$/;

/** Where uploads live: `<dataDir>/uploads` (backups copy them from here, restores into here). */
export function uploadsDir(dataDir: string): string {
  return path.join(dataDir, 'uploads');
}

/**
 * Files under `<dataDir>/uploads/`, outside the web root, named by random keys that no user
 * input ever shapes (RELIABILITY 15).
 */
@Injectable()
export class AttachmentStorage {
  private readonly root: string;

  constructor(@Inject(ENGINE_CONFIG) config: EngineConfig) {
    this.root = uploadsDir(config.dataDir);
  }

  async save(bytes: Buffer): Promise<string> {
    const name = randomBytes(16).toString('hex');
    const key = `${name.slice(0, 2)}/${name}`;
    await fs.promises.mkdir(path.join(this.root, name.slice(0, 2)), { recursive: true, mode: 0o700 });
    await fs.promises.writeFile(this.pathOf(key), bytes, { flag: 'wx', mode: 0o600 });
    return key;
  }

  open(key: string): fs.ReadStream {
    return fs.createReadStream(this.pathOf(key));
  }

  async remove(key: string): Promise<void> {
    await fs.promises.rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error('not a storage key');
    return path.join(this.root, key);
  }
}
