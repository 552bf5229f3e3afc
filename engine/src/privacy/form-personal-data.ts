import { randomUUID } from 'node:crypto';
import { mapPersonalFields, personalFieldErrors, type FieldError, type PersonalDataKind, type PersonalFieldTree } from '@estateflow/model';
import { maskIdNumber, maskPhone } from './masking';
import { normaliseIdNumber, normalisePhone } from './normalise';
import type { PersonalDataCipher } from './personal-data-cipher';

/**
 * Phone and ID numbers typed into forms (fields whose widget is phone or idNumber). The value is
 * encrypted into a PersonalValue row; the form data — and so the instance's data, its snapshot,
 * its log and every reply — holds a token in its place: `pd1:<kind>:<PersonalValue id>:<masked>`.
 * Replies show the masked part only (`maskFormTokens`); the full value is read back through the
 * audited unmask endpoint, or by the engine itself where a step passes it on (a child workflow).
 */
const TOKEN = /^pd1:(phone|idNumber):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):([^:]*)$/;
const PREFIX = 'pd1:';

export interface FormToken {
  kind: PersonalDataKind;
  id: string;
  masked: string;
}

/** A PersonalValue row to write with the data that holds its token. */
export interface SealedValue {
  id: string;
  kind: PersonalDataKind;
  cipher: string;
  /** For exact lookups (a request found by the phone typed into it). */
  blindIndex: string;
}

export function parseFormToken(value: unknown): FormToken | null {
  if (typeof value !== 'string' || !value.startsWith(PREFIX)) return null;
  const match = TOKEN.exec(value);
  if (match === null) return null;
  const [, kind, id, masked] = match;
  return kind === 'phone' || kind === 'idNumber' ? { kind, id: id ?? '', masked: masked ?? '' } : null;
}

function normalise(kind: PersonalDataKind, raw: string): string {
  return kind === 'phone' ? normalisePhone(raw) : normaliseIdNumber(raw);
}

function mask(kind: PersonalDataKind, normalised: string): string {
  return kind === 'phone' ? maskPhone(normalised) : maskIdNumber(normalised);
}

/**
 * Form data with each value at a personal field encrypted apart and replaced by its token, and the
 * rows to write with it — or, when a value is not a mobile number or a valid ID number, the fields
 * to fix (the browser's form checks the same). Call it after the form's schema check and before
 * the step, so that nothing downstream — data, snapshot, log, jobs — ever holds what was typed.
 */
export function sealFormData(input: {
  cipher: PersonalDataCipher;
  data: Record<string, unknown>;
  fields: PersonalFieldTree;
}): { ok: true; data: Record<string, unknown>; values: SealedValue[] } | { ok: false; errors: FieldError[] } {
  const errors = personalFieldErrors(input.data, input.fields);
  if (errors.length > 0) return { ok: false, errors };
  const values: SealedValue[] = [];
  const data = mapPersonalFields(input.data, input.fields, (raw, kind) => {
    const value = normalise(kind, raw);
    const id = randomUUID();
    values.push({ id, kind, cipher: input.cipher.encrypt(kind, value), blindIndex: input.cipher.blindIndex(kind, value) });
    return `${PREFIX}${kind}:${id}:${mask(kind, value)}`;
  });
  // mapPersonalFields keeps the shape it was given: an object in, an object out.
  return { ok: true, data: data as Record<string, unknown>, values };
}

/** The tokens at a form's personal fields. */
export function formTokens(data: unknown, fields: PersonalFieldTree): FormToken[] {
  const tokens: FormToken[] = [];
  mapPersonalFields(data, fields, (value) => {
    const token = parseFormToken(value);
    if (token !== null) tokens.push(token);
    return value;
  });
  return tokens;
}

/** The form data with the tokens at its personal fields replaced by `plain` (id → value); tokens not in it stay. */
export function unsealFormData(
  data: Record<string, unknown>,
  fields: PersonalFieldTree,
  plain: ReadonlyMap<string, string>,
): Record<string, unknown> {
  return mapPersonalFields(data, fields, (value) => {
    const token = parseFormToken(value);
    return token === null ? value : (plain.get(token.id) ?? value);
  }) as Record<string, unknown>;
}

/**
 * A copy of any JSON with every form token replaced by its masked value (`138****5678`), for
 * replies, notifications and webhooks. Shares whatever holds no token; the same value back when none does.
 */
export function maskFormTokens<T>(value: T): T;
export function maskFormTokens(value: unknown): unknown {
  if (typeof value === 'string') return parseFormToken(value)?.masked ?? value;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    value.forEach((item, index) => {
      const masked = maskFormTokens(item);
      if (masked === item) return;
      copy ??= [...value];
      copy[index] = masked;
    });
    return copy ?? value;
  }
  let copy: Record<string, unknown> | null = null;
  for (const [key, item] of Object.entries(value)) {
    const masked = maskFormTokens(item);
    if (masked === item) continue;
    copy ??= { ...value };
    Object.defineProperty(copy, key, { value: masked, enumerable: true, writable: true, configurable: true });
  }
  return copy ?? value;
}
