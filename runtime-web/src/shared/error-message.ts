import { ApiError } from '../api/api-error';
import type { Translate } from '../i18n/translate';

/** A sentence a person can act on for any failure of an /api call. */
export function errorMessage(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('common.networkError');
  switch (error.code) {
    case 'network':
      return t('common.networkError');
    case 'too_many_requests':
      return error.retryAfterSeconds !== null
        ? t('common.tooManyRequests', { seconds: error.retryAfterSeconds })
        : t('common.tooManyRequestsNoWait');
    case 'unauthenticated':
      return t('common.sessionExpired');
    case 'forbidden':
      return t('common.forbidden');
    case 'not_found':
      return t('common.notFound');
    case 'internal':
      return t('common.serverError');
    case 'bad_request':
    case 'validation_failed':
    case 'conflict':
    case 'unknown':
      return error.message || t('common.serverError');
  }
}
