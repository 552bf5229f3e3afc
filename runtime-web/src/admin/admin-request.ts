import { apiRequest } from '../api/client';
import { ApiError } from '../api/api-error';

/** PATCH and DELETE, which the shared client has no shorthand for. */
export const adminApi = {
  patch: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
  delete: (path: string) => apiRequest<void>(path, { method: 'DELETE' }),
};

/** The server's own message (it says what to do), or a generic one. */
export function failureText(error: unknown): string {
  return error instanceof ApiError ? error.message : error instanceof Error ? error.message : String(error);
}
