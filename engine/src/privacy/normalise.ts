/**
 * Phone numbers and ID numbers as people type them ("+86 138 0013 8000", "110101 19900307 123x")
 * reduced to one canonical form, so that encryption and the blind index see the same string.
 */
export function normalisePhone(raw: string): string {
  let digits = raw.replace(/[\s\-()（）]/g, '');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.startsWith('86') && digits.length === 13) digits = digits.slice(2);
  return digits;
}

/** A mainland mobile number: 11 digits starting 13–19. */
export function isMobilePhone(normalised: string): boolean {
  return /^1[3-9]\d{9}$/.test(normalised);
}

/** ID numbers: spaces removed, the check character X upper-cased. */
export function normaliseIdNumber(raw: string): string {
  return raw.replace(/[\s-]/g, '').toUpperCase();
}
