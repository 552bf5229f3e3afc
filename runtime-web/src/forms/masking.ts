// PIPL masking as DOMAIN.md shows it: 138****5678, 110101********1234.

export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s+/g, '');
  if (digits.length < 7) return digits;
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

export function maskIdNumber(idNumber: string): string {
  const value = idNumber.trim();
  if (value.length < 10) return value;
  return `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}

/** A mainland mobile number: 11 digits starting 1[3-9]. */
export function isMobilePhone(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(value.replace(/[\s-]/g, ''));
}
