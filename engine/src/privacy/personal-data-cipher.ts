import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { KeyRing } from './key-ring';

/** What a ciphertext protects; bound into it (AAD) so a phone cipher cannot pass as an ID number. */
export type ProtectedField = 'phone' | 'idNumber' | 'secret';

const FORMAT = 'ef1';
const RELOAD_EVERY_MS = 5_000;

interface DerivedKeys {
  encryption: Buffer;
  index: Buffer;
}

function derive(key: Buffer): DerivedKeys {
  const sub = (info: string) => Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), info, 32));
  return { encryption: sub('estateflow/aes-256-gcm/v1'), index: sub('estateflow/blind-index/v1') };
}

function b64url(buffer: Buffer): string {
  return buffer.toString('base64url');
}

/**
 * AES-256-GCM for personal data at rest, and a keyed HMAC blind index for exact lookups.
 * Ciphertext: `ef1:<keyId>:<iv>:<ciphertext>:<tag>` (base64url), so keys can rotate: rows keep
 * naming the key that wrote them until `rotate-key` rewrites them under the current one.
 * Callers normalise values first (normalise.ts); this class does not guess.
 */
export class PersonalDataCipher {
  private derived = new Map<string, DerivedKeys>();
  private ring: KeyRing;
  private checkedAt = Date.now();

  /**
   * `reload` (key file mode) is asked for the ring again every few seconds, so that a running
   * engine picks up a key that `rotate-key` added without a restart.
   */
  constructor(
    ring: KeyRing,
    private readonly reload: (() => KeyRing) | null = null,
  ) {
    this.ring = ring;
    this.derive();
  }

  private derive(): void {
    const derived = new Map<string, DerivedKeys>();
    for (const [id, key] of this.ring.keys) derived.set(id, this.derived.get(id) ?? derive(key));
    this.derived = derived;
  }

  private fresh(): void {
    if (this.reload === null || Date.now() - this.checkedAt < RELOAD_EVERY_MS) return;
    this.checkedAt = Date.now();
    try {
      this.ring = this.reload();
      this.derive();
    } catch {
      // A half-written or unreadable file: keep the keys we have and try again later.
    }
  }

  get currentKeyId(): string {
    this.fresh();
    return this.ring.currentId;
  }

  get keyIds(): string[] {
    this.fresh();
    return [...this.ring.keys.keys()];
  }

  private keys(id: string): DerivedKeys {
    this.fresh();
    const keys = this.derived.get(id);
    if (!keys)
      throw new Error(`Personal data was encrypted with key ${id}, which this engine does not have (see docs/security.md, key rotation).`);
    return keys;
  }

  encrypt(field: ProtectedField, plaintext: string): string {
    const id = this.currentKeyId;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys(id).encryption, iv);
    cipher.setAAD(Buffer.from(field));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [FORMAT, id, b64url(iv), b64url(body), b64url(cipher.getAuthTag())].join(':');
  }

  decrypt(field: ProtectedField, ciphertext: string): string {
    const [format, id, iv, body, tag] = ciphertext.split(':');
    if (format !== FORMAT || id === undefined || iv === undefined || body === undefined || tag === undefined) {
      throw new Error('not an EstateFlow ciphertext');
    }
    const decipher = createDecipheriv('aes-256-gcm', this.keys(id).encryption, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(field));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** The id of the key a ciphertext was written with. */
  static keyIdOf(ciphertext: string): string | null {
    const [format, id] = ciphertext.split(':');
    return format === FORMAT && id ? id : null;
  }

  /** The blind index under the current key: what new rows store. */
  blindIndex(field: ProtectedField, normalised: string): string {
    return this.indexWith(this.currentKeyId, field, normalised);
  }

  /** The blind index under every key of the ring, for lookups while a rotation is under way. */
  blindIndexCandidates(field: ProtectedField, normalised: string): string[] {
    return [...new Set(this.keyIds.map((id) => this.indexWith(id, field, normalised)))];
  }

  /** A keyed hash of a short secret (a sign-in code) that a database dump cannot brute-force. */
  keyedHash(purpose: string, value: string): string {
    return createHmac('sha256', this.keys(this.currentKeyId).index).update(`${purpose}\u0000${value}`).digest('hex');
  }

  private indexWith(id: string, field: ProtectedField, normalised: string): string {
    return createHmac('sha256', this.keys(id).index).update(`${field}\u0000${normalised}`).digest('hex');
  }
}
