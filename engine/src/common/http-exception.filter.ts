import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
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

/** Express body-parser errors: malformed JSON, a body over the limit, a wrong charset. */
function bodyParserError(exception: unknown): { status: number; body: ErrorBody } | null {
  if (typeof exception !== 'object' || exception === null || !('type' in exception) || !('status' in exception)) return null;
  const { type, status } = exception;
  if (typeof status !== 'number') return null;
  if (type === 'entity.parse.failed') {
    return { status: 400, body: { error: { code: 'bad_request', message: 'The request body is not valid JSON.' } } };
  }
  if (type === 'entity.too.large') {
    return { status: 413, body: { error: { code: 'payload_too_large', message: 'The request body is too large.' } } };
  }
  return { status, body: { error: { code: 'bad_request', message: 'The request body could not be read.' } } };
}

/** The one place where errors become HTTP responses. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    if (exception instanceof DomainError) {
      if (exception instanceof TooManyRequestsError || exception instanceof ServiceUnavailableError)
        response.setHeader('Retry-After', String(exception.retryAfterSeconds));
      const error = {
        code: exception.code,
        message: exception.message,
        ...(exception.details === undefined ? {} : { details: exception.details }),
      };
      response.status(exception.status).json({ error });
      return;
    }
    // Nest wraps body-parser errors in an HttpException whose cause is the original.
    const parserError = bodyParserError(exception) ?? (exception instanceof HttpException ? bodyParserError(exception.cause) : null);
    if (parserError) {
      response.status(parserError.status).json(parserError.body);
      return;
    }
    if (exception instanceof HttpException) {
      response.status(exception.getStatus()).json(bodyFromHttpException(exception));
      return;
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    response.status(500).json({
      error: {
        code: 'internal',
        message: 'Something went wrong on our side. Please try again; if it persists, tell your administrator.',
      },
    });
  }
}
