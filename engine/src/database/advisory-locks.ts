/**
 * The PostgreSQL advisory locks the engine takes by number, in one place so that no two share one.
 * (The daily backup's lock once had the audit chain's number: while a backup ran, every audited
 * action — a sign-in, a number shown in full — waited for it to end.)
 */
export const ADVISORY_LOCKS = {
  /** Two engines never migrate at once. */
  migration: 72_707_001,
  /** Appends to the audit chain are serialised ("read the last hash, insert"), across processes. */
  auditChain: 72_707_002,
  /** Two engines starting on one empty database seed it once. */
  seed: 72_707_003,
  /** One engine of several takes the daily backup. */
  backup: 72_707_004,
} as const;
