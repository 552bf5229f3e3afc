const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

/** The check character (ISO 7064 MOD 11-2) of the first 17 digits of a resident ID number (GB 11643). */
export function idNumberCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('an ID number check character needs exactly 17 digits');
  let sum = 0;
  for (let index = 0; index < 17; index++) sum += Number(first17[index]) * (WEIGHTS[index] ?? 0);
  return CHECK_CHARACTERS[sum % 11] ?? '';
}

/** Whether an 18-character resident ID number has a plausible birth date and a correct check character. */
export function isValidIdNumber(normalised: string): boolean {
  if (!/^\d{17}[\dX]$/.test(normalised)) return false;
  const year = Number(normalised.slice(6, 10));
  const month = Number(normalised.slice(10, 12));
  const day = Number(normalised.slice(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  return idNumberCheckCharacter(normalised.slice(0, 17)) === normalised[17];
}
