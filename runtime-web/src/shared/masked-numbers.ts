// The engine seals phone and ID numbers written inside free text and shows them masked in place
// (docs/security.md): 138****5678, 110105********002X.
// A mobile number, or a landline (area code first: 075*****1234).
const MASKED_PHONE = /(?<!\d)(?:1[3-9]\d\*{4}|0\d{2}\*{3,6})\d{4}(?!\d)/;
const MASKED_ID_NUMBER = /(?<![\dA-Za-z])\d{6}\*{8}\d{3}[\dX](?![\dA-Za-z])/;

/** Which masked numbers a text holds: `idNumber` when an ID number is among them, `phone` when only phones, null when none. */
export function maskedNumbersIn(text: string): 'idNumber' | 'phone' | null {
  if (MASKED_ID_NUMBER.test(text)) return 'idNumber';
  return MASKED_PHONE.test(text) ? 'phone' : null;
}
