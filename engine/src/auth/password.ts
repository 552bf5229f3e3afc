import { hash, verify } from '@node-rs/argon2';

// argon2id (the library's default algorithm) with OWASP's minimum: 19 MiB, 2 passes, 1 lane.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** A hash to verify against when the email is unknown, so that both answers take as long. */
let decoy: Promise<string> | null = null;

export async function verifyPassword(input: { passwordHash: string | null; password: string }): Promise<boolean> {
  if (input.passwordHash === null) {
    decoy ??= hashPassword('decoy password that nobody has');
    await verify(await decoy, input.password).catch(() => false);
    return false;
  }
  return verify(input.passwordHash, input.password).catch(() => false);
}
