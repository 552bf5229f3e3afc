import { randomUUID } from 'node:crypto';
import {
  findPersonalNumbers,
  jsonPointer,
  mapFreeText,
  mapPersonalFields,
  personalFieldErrors,
  type FieldError,
  type PersonalDataKind,
  type PersonalFieldTree,
} from '@estateflow/model';
import { maskIdNumber, maskPhone } from './masking';
import { normaliseIdNumber, normalisePhone } from './normalise';
import type { PersonalDataCipher } from './personal-data-cipher';

/**
 * Phone and ID numbers typed into forms (fields whose widget is phone or idNumber). The value is
 * encrypted into a PersonalValue row; the form data — and so the instance's data, its snapshot,
 * its log and every reply — holds a token in its place: `pd1:<kind>:<PersonalValue id>:<masked>`.
 * Replies show the masked part only (`maskFormTokens`); the full value is read back through the
 * audited unmask endpoint, or by the engine itself where a step passes it on (a child workflow).
 *
 * Numbers written inside free text ("请联系 13812345678") are sealed the same way, each replaced in
 * place by its token between two private-use characters, `\uE000pd1:…\uE001`; those two characters
 * are taken out of what people type, so that no one can write a token.
 */
const TOKEN = /^pd1:(phone|idNumber):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):([^:]*)$/;
const PREFIX = 'pd1:';
const OPEN = '\uE000';
const CLOSE = '\uE001';
const INLINE = /\uE000(pd1:[^\uE000\uE001]*)\uE001/g;
const DELIMITERS = /[\uE000\uE001]/g;

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

const NOT_A_TOKEN = { 'zh-CN': '内容不能是系统内部的号码标记', en: 'this text cannot be an internal number token' };

/** The token of one number, written into `values` encrypted. */
function seal(cipher: PersonalDataCipher, kind: PersonalDataKind, value: string, values: SealedValue[]): string {
  const id = randomUUID();
  values.push({ id, kind, cipher: cipher.encrypt(kind, value), blindIndex: cipher.blindIndex(kind, value) });
  return `${PREFIX}${kind}:${id}:${mask(kind, value)}`;
}

// An id (an attachment's, a unit's) is a reference, never anyone's writing, whatever its digits.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function sealText(cipher: PersonalDataCipher, raw: string, values: SealedValue[]): string {
  if (UUID.test(raw)) return raw;
  const text = raw.replace(DELIMITERS, '');
  const numbers = findPersonalNumbers(text);
  if (numbers.length === 0) return text;
  let sealed = '';
  let from = 0;
  for (const number of numbers) {
    sealed += `${text.slice(from, number.start)}${OPEN}${seal(cipher, number.kind, number.normalised, values)}${CLOSE}`;
    from = number.end;
  }
  return sealed + text.slice(from);
}

/**
 * Form data with each value at a personal field encrypted apart and replaced by its token, and
 * each number written inside its free text likewise, with the rows to write with it — or, when a
 * personal field's value is not a mobile number or a valid ID number, the fields to fix (the
 * browser's form checks the same). Call it after the form's schema check and before the step, so
 * that nothing downstream — data, snapshot, log, jobs — ever holds what was typed.
 * `fields` null: the form marks no field, all its strings are free text.
 */
export function sealFormData(input: {
  cipher: PersonalDataCipher;
  data: Record<string, unknown>;
  fields: PersonalFieldTree | null;
}): { ok: true; data: Record<string, unknown>; values: SealedValue[] } | { ok: false; errors: FieldError[] } {
  const { cipher, fields } = input;
  const errors = fields === null ? [] : personalFieldErrors(input.data, fields);
  // One walk over the free text (personal and opaque fields are not free text, so the order of the two maps does not matter).
  const textValues: SealedValue[] = [];
  const sealedText = mapFreeText(input.data, fields, (text, path) => {
    // Free text that reads as a token would show, and be unmasked, as one: nobody types that.
    if (parseFormToken(text.replace(DELIMITERS, '')) === null) return sealText(cipher, text, textValues);
    errors.push({ path: jsonPointer(path), message: NOT_A_TOKEN });
    return text;
  });
  if (errors.length > 0) return { ok: false, errors };
  const values: SealedValue[] = [];
  const data =
    fields === null ? sealedText : mapPersonalFields(sealedText, fields, (raw, kind) => seal(cipher, kind, normalise(kind, raw), values));
  // Both maps keep the shape they were given: an object in, an object out.
  return { ok: true, data: data as Record<string, unknown>, values: [...values, ...textValues] };
}

/** Free text outside a form (an event's comment) with the numbers written inside it sealed. */
export function sealFreeText(input: { cipher: PersonalDataCipher; text: string }): { text: string; values: SealedValue[] } {
  const values: SealedValue[] = [];
  return { text: sealText(input.cipher, input.text, values), values };
}

/** The tokens written inside a free-text string, in order. */
export function textTokens(text: string): FormToken[] {
  if (!text.includes(OPEN)) return [];
  const tokens: FormToken[] = [];
  for (const match of text.matchAll(INLINE)) {
    const token = parseFormToken(match[1]);
    if (token !== null) tokens.push(token);
  }
  return tokens;
}

/** The text with each token written inside it replaced by `replace(token)`; kept where that gives undefined. */
function replaceTextTokens(text: string, replace: (token: FormToken) => string | undefined): string {
  if (!text.includes(OPEN)) return text;
  return text.replace(INLINE, (whole: string, inner: string) => {
    const token = parseFormToken(inner);
    return (token === null ? undefined : replace(token)) ?? whole;
  });
}

/** The tokens at a form's personal fields and inside its free text. */
export function formTokens(data: unknown, fields: PersonalFieldTree | null): FormToken[] {
  const tokens: FormToken[] = [];
  if (fields !== null)
    mapPersonalFields(data, fields, (value) => {
      const token = parseFormToken(value);
      if (token !== null) tokens.push(token);
      return value;
    });
  // Free text may also hold a whole token: a parent's phone field passed on into a child's text field.
  mapFreeText(data, fields, (text) => {
    const whole = parseFormToken(text);
    tokens.push(...(whole === null ? textTokens(text) : [whole]));
    return text;
  });
  return tokens;
}

/** Free text with the tokens inside it replaced by `plain` (id → value); tokens not in it stay. */
export function unsealText(text: string, plain: ReadonlyMap<string, string>): string {
  return replaceTextTokens(text, (token) => plain.get(token.id));
}

/** The form data with the tokens at its personal fields and in its free text replaced by `plain` (id → value); tokens not in it stay. */
export function unsealFormData(
  data: Record<string, unknown>,
  fields: PersonalFieldTree | null,
  plain: ReadonlyMap<string, string>,
): Record<string, unknown> {
  const personal =
    fields === null
      ? data
      : mapPersonalFields(data, fields, (value) => {
          const token = parseFormToken(value);
          return token === null ? value : (plain.get(token.id) ?? value);
        });
  return mapFreeText(personal, fields, (text) => {
    const whole = parseFormToken(text);
    return whole === null ? unsealText(text, plain) : (plain.get(whole.id) ?? text);
  }) as Record<string, unknown>;
}

/**
 * A copy of any JSON with every form token replaced by its masked value (`138****5678`), for
 * replies, notifications and webhooks. Shares whatever holds no token; the same value back when none does.
 */
export function maskFormTokens<T>(value: T): T;
export function maskFormTokens(value: unknown): unknown {
  if (typeof value === 'string') return parseFormToken(value)?.masked ?? replaceTextTokens(value, (token) => token.masked);
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
