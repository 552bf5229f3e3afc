/**
 * Domain errors. Services throw these; one exception filter (http-exception.filter.ts) turns
 * them into `{ "error": { "code", "message", "details"? } }` with the right HTTP status.
 */
export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unprocessable'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'too_many_requests'
  | 'unavailable'
  | 'internal';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export class BadRequestError extends DomainError {
  constructor(message: string, details?: unknown) {
    super('bad_request', 400, message, details);
  }
}

/** A request body that does not fit its schema; details name the fields. */
export class ValidationError extends DomainError {
  constructor(message: string, details?: unknown) {
    super('validation_failed', 400, message, details);
  }
}

/** Well-formed input the domain cannot accept: form data, parameter values, a lint-failing publish. */
export class UnprocessableError extends DomainError {
  constructor(message: string, details?: unknown) {
    super('unprocessable', 422, message, details);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Please sign in first.') {
    super('unauthenticated', 401, message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super('forbidden', 403, message);
  }
}

/** Also used for rows of another company or estate: never confirm that an id exists. */
export class NotFoundError extends DomainError {
  constructor(what: string) {
    super('not_found', 404, `${what} was not found.`);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details?: unknown) {
    super('conflict', 409, message, details);
  }
}

export class TooManyRequestsError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('too_many_requests', 429, message, { retryAfterSeconds });
  }
}

/** Overload (RELIABILITY 9): refused before any work is done; the client may retry after the pause. */
export class ServiceUnavailableError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('unavailable', 503, message, { retryAfterSeconds });
  }
}
