// Phone numbers and resident ID numbers (PIPL personal data; DOMAIN.md "Owner data"): one
// canonical form for encryption and blind indexes, the checks a form field of that kind must
// pass, and masking for display. Pure: the engine and the browser apps share them.

/**
 * Phone numbers as people type them ("+86 138 0013 8000") reduced to one canonical form, so that
 * encryption and the blind index see the same string.
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

/** ID numbers ("110101 19900307 123x"): spaces removed, the check character X upper-cased. */
export function normaliseIdNumber(raw: string): string {
  return raw.replace(/[\s-]/g, '').toUpperCase();
}

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

/** A phone or ID number found inside free text: where it is, and its canonical form. */
export interface NumberInText {
  kind: 'phone' | 'idNumber';
  start: number;
  end: number;
  normalised: string;
}

// Digits not glued to other digits (or, for ID numbers, to letters): "电话13812345678。" yes,
// "订单号2138123456789" no. Typed groupings are allowed: "138 1234 5678", "+86 138-1234-5678",
// "110101 19900307 123X".
const ID_IN_TEXT = /(?<![\dA-Za-z])\d{6}[ -]?\d{8}[ -]?\d{3}[\dXx](?![\dA-Za-z])/g;
const PHONE_IN_TEXT = /(?<![\d+])(?:(?:\+|00)?86[ -]?)?1[3-9]\d(?:[ -]?\d){8}(?!\d)/g;
// A landline with its area code set apart, as people write one: "0755-8888 1234", "(010)62345678".
// Without the separator a string of digits starting with 0 is more often an order number.
const LANDLINE_IN_TEXT = /(?<!\d)(?:\(0(?:10|2\d|[3-9]\d{2})\)[ -]?|0(?:10|2\d|[3-9]\d{2})[ -])[2-9]\d{2,3}[ -]?\d{4}(?!\d)/g;

/**
 * The mobile numbers, landlines and resident ID numbers written inside free text ("请联系 138 1234
 * 5678", "座机 0755-8888 1234"), in order: only what passes the same checks as a phone or ID number
 * field (a mobile prefix; a real birth date and check character) or reads as a landline with its
 * area code set apart, so that an order number or an amount is left alone. Landlines count as
 * phones (their digits, area code first).
 */
export function findPersonalNumbers(text: string): NumberInText[] {
  const found: NumberInText[] = [];
  const overlaps = (start: number, end: number) => found.some((number) => start < number.end && end > number.start);
  for (const match of text.matchAll(ID_IN_TEXT)) {
    const normalised = normaliseIdNumber(match[0]);
    if (isValidIdNumber(normalised)) found.push({ kind: 'idNumber', start: match.index, end: match.index + match[0].length, normalised });
  }
  for (const match of text.matchAll(PHONE_IN_TEXT)) {
    const [start, end] = [match.index, match.index + match[0].length];
    const normalised = normalisePhone(match[0]);
    if (!overlaps(start, end) && isMobilePhone(normalised)) found.push({ kind: 'phone', start, end, normalised });
  }
  for (const match of text.matchAll(LANDLINE_IN_TEXT)) {
    const [start, end] = [match.index, match.index + match[0].length];
    if (!overlaps(start, end)) found.push({ kind: 'phone', start, end, normalised: match[0].replace(/\D/g, '') });
  }
  return found.sort((a, b) => a.start - b.start);
}
