import { ArgumentsHost, Catch, ExceptionFilter, HttpException, type HttpServer, Logger } from '@nestjs/common';
import { DomainError, ServiceUnavailableError, TooManyRequestsError } from './errors';

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

function bodyFromHttpException(exception: HttpException): ErrorBody {
  const status = exception.getStatus();
  const response = exception.getResponse();
  const raw = typeof response === 'object' && response !== null && 'message' in response ? response.message : exception.message;
  const message = Array.isArray(raw) ? raw.join('; ') : String(raw);
  const code =
    status === 404
      ? 'not_found'
      : status === 413
        ? 'payload_too_large'
        : status === 401
          ? 'unauthenticated'
          : status < 500
            ? 'bad_request'
            : 'internal';
  return { error: { code, message: status === 404 ? 'There is nothing at this address.' : message } };
}

/**
 * Fastify's errors while reading a body (FST_ERR_CTP_*): over the limit, a Content-Length that
 * does not match. Malformed JSON is refused by our own parser (web/body-parsers.ts).
 */
function bodyReadError(exception: unknown): { status: number; body: ErrorBody } | null {
  if (typeof exception !== 'object' || exception === null || !('code' in exception) || !('statusCode' in exception)) return null;
  const { code, statusCode } = exception;
  if (typeof code !== 'string' || !code.startsWith('FST_ERR_CTP_') || typeof statusCode !== 'number') return null;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return { status: 413, body: { error: { code: 'payload_too_large', message: 'The request body is too large.' } } };
  }
  return { status: statusCode, body: { error: { code: 'bad_request', message: 'The request body could not be read.' } } };
}

/**
 * Other errors that carry their own 4xx status (`statusCode`), as the static files' sender's do
 * for a path that leaves its folder: the client's mistake, not ours — no 500, no stack in the log.
 */
function clientError(exception: unknown): { status: number; body: ErrorBody } | null {
  if (typeof exception !== 'object' || exception === null || !('statusCode' in exception)) return null;
  const { statusCode } = exception;
  if (typeof statusCode !== 'number' || statusCode < 400 || statusCode > 499) return null;
  const nothingHere = statusCode === 403 || statusCode === 404;
  const error = nothingHere
    ? { code: 'not_found', message: 'There is nothing at this address.' }
    : { code: 'bad_request', message: 'The request could not be handled.' };
  return { status: statusCode, body: { error } };
}

/**
 * The one place where errors become HTTP responses. Replies through the HTTP adapter: the
 * response is a Fastify reply for routes, the bare Node.js response for middleware errors.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  constructor(private readonly http: HttpServer) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response: unknown = host.switchToHttp().getResponse();
    if (this.http.isHeadersSent?.(response) === true) return;
    if (exception instanceof DomainError) {
      if (exception instanceof TooManyRequestsError || exception instanceof ServiceUnavailableError)
        this.http.setHeader(response, 'Retry-After', String(exception.retryAfterSeconds));
      const error = {
        code: exception.code,
        message: exception.message,
        ...(exception.details === undefined ? {} : { details: exception.details }),
      };
      this.http.reply(response, { error }, exception.status);
      return;
    }
    // Nest wraps Fastify's errors in an HttpException whose cause is the original.
    const readError = bodyReadError(exception) ?? (exception instanceof HttpException ? bodyReadError(exception.cause) : null);
    if (readError) {
      this.http.reply(response, readError.body, readError.status);
      return;
    }
    if (exception instanceof HttpException) {
      this.http.reply(response, bodyFromHttpException(exception), exception.getStatus());
      return;
    }
    const refused = clientError(exception);
    if (refused) {
      this.http.reply(response, refused.body, refused.status);
      return;
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    this.http.reply(
      response,
      {
        error: {
          code: 'internal',
          message: 'Something went wrong on our side. Please try again; if it persists, tell your administrator.',
        },
      },
      500,
    );
  }
}
