// The typed API client both web apps (and the designer) use: one fetch wrapper, one error type.
export { api, apiRequest, apiUrl, onUnauthenticated } from './client';
export type { ApiRequest, QueryValue } from './client';
export { ApiError, apiErrorFromResponse, parseRetryAfter, readFieldErrors } from './api-error';
export type { ApiErrorCode, FieldErrorDetail } from './api-error';
export { newIdempotencyKey } from './idempotency-key';
export { withRetry, isRetryable, backoffDelayMs } from './with-retry';
export { uploadAttachment } from './upload-attachment';
export type * from './types';
