import type { PersonalDataCipher } from './personal-data-cipher';

/** `13812345678` → `138****5678`: enough for the owner to recognise, too little to call. */
export function maskPhone(normalised: string): string {
  if (normalised.length < 7) return '*'.repeat(normalised.length);
  return `${normalised.slice(0, 3)}${'*'.repeat(normalised.length - 7)}${normalised.slice(-4)}`;
}

/** `110101199003071234` → `110101********1234`: region kept, birth date hidden. */
export function maskIdNumber(normalised: string): string {
  if (normalised.length < 10) return '*'.repeat(normalised.length);
  return `${normalised.slice(0, 6)}${'*'.repeat(normalised.length - 10)}${normalised.slice(-4)}`;
}

/** A stored phone ciphertext, masked (null stays null): what responses show of a person's phone. */
export function maskedPhoneOf(cipher: PersonalDataCipher, ciphertext: string | null): string | null {
  return ciphertext === null ? null : maskPhone(cipher.decrypt('phone', ciphertext));
}
