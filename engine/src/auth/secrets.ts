import { createHash, randomBytes } from 'node:crypto';

/** A fresh random bearer secret: 32 bytes, base64url. Only its sha256 is ever stored. */
export function newSecretToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** What the database keeps of a session or API token. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
