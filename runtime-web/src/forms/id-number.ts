// Resident ID numbers (居民身份证号码, GB 11643-1999): 6-digit region, 8-digit birth date,
// 3-digit sequence, and a check character computed over the first 17 digits (ISO 7064 MOD 11-2).

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChars = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/** The check character for the first 17 digits, or null when they are not 17 digits. */
export function idNumberCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let index = 0; index < 17; index += 1) sum += Number(first17[index]) * (weights[index] ?? 0);
  return checkChars[sum % 11] ?? null;
}

function isPlausibleBirthDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** True for an 18-character ID number whose birth date is real and check character matches. */
export function isValidIdNumber(value: string): boolean {
  const normalized = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(normalized)) return false;
  if (!isPlausibleBirthDate(normalized.slice(6, 14))) return false;
  return idNumberCheckChar(normalized.slice(0, 17)) === normalized[17];
}
