import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { idNumberCheckCharacter, isValidIdNumber } from './id-number';
import { addKeyToFile, keyFilePath, keyId, loadKeyRing, retireKeysInFile } from './key-ring';
import { maskIdNumber, maskPhone } from './masking';
import { isMobilePhone, normaliseIdNumber, normalisePhone } from './normalise';
import { PersonalDataCipher } from './personal-data-cipher';

function ringOf(...keys: Buffer[]) {
  const [current] = keys;
  if (!current) throw new Error('no key');
  return { currentId: keyId(current), keys: new Map(keys.map((key) => [keyId(key), key])), source: 'environment' as const };
}

describe('normalisation', () => {
  it('reduces the ways people write a mobile number to 11 digits', () => {
    for (const written of [
      '13812345678',
      '138 1234 5678',
      '+86 138-1234-5678',
      '+8613812345678',
      '008613812345678',
      '8613812345678',
      '(138)12345678',
    ]) {
      expect(normalisePhone(written)).toBe('13812345678');
    }
    expect(isMobilePhone('13812345678')).toBe(true);
    expect(isMobilePhone('12812345678')).toBe(false);
    expect(isMobilePhone('1381234567')).toBe(false);
    expect(isMobilePhone('021-12345678')).toBe(false);
  });

  it('strips spaces from ID numbers and upper-cases the check character', () => {
    expect(normaliseIdNumber('11010119900307 803x')).toBe('11010119900307803X');
  });
});

describe('ID number check character (GB 11643, ISO 7064 MOD 11-2)', () => {
  it('computes the published examples', () => {
    expect(idNumberCheckCharacter('11010519491231002')).toBe('X');
    expect(idNumberCheckCharacter('44052418800101001')).toBe('4');
  });

  it('accepts valid numbers and refuses a wrong check character or an impossible date', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('440524188001010014')).toBe(false); // year 1880 is before 1900
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('110105194902300027')).toBe(false); // 30 February
    expect(isValidIdNumber('11010519491231002')).toBe(false);
  });
});

describe('masking', () => {
  it('shows enough to recognise and too little to use', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskIdNumber('110101199003071234')).toBe('110101********1234');
    expect(maskPhone('123')).toBe('***');
  });
});

describe('PersonalDataCipher', () => {
  const key = randomBytes(32);

  it('round-trips, never repeats a ciphertext, and does not contain the plaintext', () => {
    const cipher = new PersonalDataCipher(ringOf(key));
    const a = cipher.encrypt('phone', '13812345678');
    const b = cipher.encrypt('phone', '13812345678');
    expect(a).not.toBe(b);
    expect(a).not.toContain('13812345678');
    expect(a.startsWith(`ef1:${keyId(key)}:`)).toBe(true);
    expect(cipher.decrypt('phone', a)).toBe('13812345678');
  });

  it('refuses a tampered ciphertext and one presented as another field', () => {
    const cipher = new PersonalDataCipher(ringOf(key));
    const sealed = cipher.encrypt('phone', '13812345678');
    const parts = sealed.split(':');
    const body = Buffer.from(parts[3] ?? '', 'base64url');
    body[0] = (body[0] ?? 0) ^ 1;
    parts[3] = body.toString('base64url');
    expect(() => cipher.decrypt('phone', parts.join(':'))).toThrow();
    expect(() => cipher.decrypt('idNumber', sealed)).toThrow();
  });

  it('gives a stable blind index per key and field that reveals nothing plain', () => {
    const cipher = new PersonalDataCipher(ringOf(key));
    expect(cipher.blindIndex('phone', '13812345678')).toBe(cipher.blindIndex('phone', '13812345678'));
    expect(cipher.blindIndex('phone', '13812345678')).not.toBe(cipher.blindIndex('idNumber', '13812345678'));
    expect(new PersonalDataCipher(ringOf(randomBytes(32))).blindIndex('phone', '13812345678')).not.toBe(
      cipher.blindIndex('phone', '13812345678'),
    );
  });

  it('reads data written under an older key and looks it up under every key while a rotation runs', () => {
    const older = new PersonalDataCipher(ringOf(key));
    const sealed = older.encrypt('phone', '13812345678');
    const newKey = randomBytes(32);
    const rotated = new PersonalDataCipher(ringOf(newKey, key));
    expect(rotated.decrypt('phone', sealed)).toBe('13812345678');
    expect(PersonalDataCipher.keyIdOf(rotated.encrypt('phone', 'x'))).toBe(keyId(newKey));
    expect(rotated.blindIndexCandidates('phone', '13812345678')).toContain(older.blindIndex('phone', '13812345678'));
    expect(() => new PersonalDataCipher(ringOf(newKey)).decrypt('phone', sealed)).toThrow(/does not have/);
  });
});

describe('key file', () => {
  it('is created on first use with mode 0600, reused after, rotated and retired', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ef-keys-'));
    const first = loadKeyRing({ dataKey: null, previousDataKeys: [], dataDir });
    expect(fs.statSync(keyFilePath(dataDir)).mode & 0o777).toBe(0o600);
    expect(loadKeyRing({ dataKey: null, previousDataKeys: [], dataDir }).currentId).toBe(first.currentId);

    const next = addKeyToFile(dataDir);
    const ring = loadKeyRing({ dataKey: null, previousDataKeys: [], dataDir });
    expect(ring.currentId).toBe(next);
    expect([...ring.keys.keys()].sort()).toEqual([first.currentId, next].sort());
    expect(fs.statSync(keyFilePath(dataDir)).mode & 0o777).toBe(0o600);

    expect(retireKeysInFile({ dataDir, keep: new Set([first.currentId]) })).toEqual([]);
    expect(retireKeysInFile({ dataDir, keep: new Set() })).toEqual([first.currentId]);
    expect([...loadKeyRing({ dataKey: null, previousDataKeys: [], dataDir }).keys.keys()]).toEqual([next]);
  });

  it('uses ESTATEFLOW_DATA_KEY (and previous keys) instead of a file when set', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ef-keys-'));
    const current = randomBytes(32);
    const previous = randomBytes(32);
    const ring = loadKeyRing({ dataKey: current.toString('base64'), previousDataKeys: [previous.toString('base64')], dataDir });
    expect(ring.currentId).toBe(keyId(current));
    expect(ring.keys.has(keyId(previous))).toBe(true);
    expect(fs.existsSync(keyFilePath(dataDir))).toBe(false);
  });
});
