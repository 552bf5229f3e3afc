import { createHash } from 'node:crypto';

/** "sha256:<hex>" of some bytes: how pack.json names a file's content. */
export function sha256(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}
