import { maskPhone } from '@estateflow/model';
import type { PersonalDataCipher } from './personal-data-cipher';

// The masks live in the shared model (the browser apps show the same).
export { maskIdNumber, maskPhone } from '@estateflow/model';

/** A stored phone ciphertext, masked (null stays null): what responses show of a person's phone. */
export function maskedPhoneOf(cipher: PersonalDataCipher, ciphertext: string | null): string | null {
  return ciphertext === null ? null : maskPhone(cipher.decrypt('phone', ciphertext));
}
