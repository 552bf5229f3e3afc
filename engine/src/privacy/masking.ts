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
