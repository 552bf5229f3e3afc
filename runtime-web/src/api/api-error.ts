import type { LocalizedText } from './types';

/** One server-side form error: `error.details.fields[]` of a 422. */
export type FieldErrorDetail = { path: string; message: LocalizedText | string };

export type ApiErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_many_requests'
  | 'internal'
  | 'network'
  | 'unknown';

/** Every failed call to /api ends as one of these; `status` 0 means the network failed. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly details: unknown;
  readonly retryAfterSeconds: number | null;

  constructor(init: { status: number; code: ApiErrorCode; message: string; details?: unknown; retryAfterSeconds?: number | null }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }

  /** The request never got an answer — safe to retry with the same idempotency key. */
  get isNetworkError(): boolean {
    return this.status === 0;
  }

  /** Form errors a 422 carries, or an empty list. */
  get fieldErrors(): FieldErrorDetail[] {
    return readFieldErrors(this.details);
  }
}

const knownCodes: readonly ApiErrorCode[] = [
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'too_many_requests',
  'internal',
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function codeForStatus(status: number): ApiErrorCode {
  switch (status) {
    case 400:
      return 'bad_request';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 422:
      return 'validation_failed';
    case 429:
      return 'too_many_requests';
    default:
      return status >= 500 ? 'internal' : 'unknown';
  }
}

function isLocalizedText(value: unknown): value is LocalizedText {
  return isRecord(value) && typeof value['zh-CN'] === 'string' && typeof value.en === 'string';
}

export function readFieldErrors(details: unknown): FieldErrorDetail[] {
  if (!isRecord(details) || !Array.isArray(details.fields)) return [];
  const result: FieldErrorDetail[] = [];
  for (const field of details.fields) {
    if (!isRecord(field) || typeof field.path !== 'string') continue;
    const message = field.message;
    if (isLocalizedText(message) || typeof message === 'string') result.push({ path: field.path, message });
  }
  return result;
}

/** Parses `Retry-After` (seconds or an HTTP date) into whole seconds. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/** Builds the ApiError for a non-2xx answer from its status, body text and Retry-After header. */
export function apiErrorFromResponse(init: { status: number; bodyText: string; retryAfter: string | null }): ApiError {
  let body: unknown = null;
  try {
    body = init.bodyText ? JSON.parse(init.bodyText) : null;
  } catch {
    body = null;
  }
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  const rawCode = error && typeof error.code === 'string' ? error.code : null;
  const code = knownCodes.find((known) => known === rawCode) ?? codeForStatus(init.status);
  const message = error && typeof error.message === 'string' ? error.message : `HTTP ${init.status}`;
  return new ApiError({
    status: init.status,
    code,
    message,
    details: error?.details,
    retryAfterSeconds: parseRetryAfter(init.retryAfter),
  });
}
