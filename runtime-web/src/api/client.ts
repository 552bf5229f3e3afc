import { ApiError, apiErrorFromResponse } from './api-error';

export type QueryValue = string | number | boolean | null | undefined;

export type ApiRequest = {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  /** JSON body, or FormData for uploads. */
  body?: unknown;
  query?: Record<string, QueryValue>;
  idempotencyKey?: string;
  signal?: AbortSignal;
};

/** Called with every 401 so the apps can send the user back to sign-in. */
let unauthenticatedListener: (() => void) | null = null;
export function onUnauthenticated(listener: (() => void) | null): void {
  unauthenticatedListener = listener;
}

/** `/api` + path + the defined query parameters. */
export function apiUrl(path: string, query?: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const qs = search.toString();
  return `/api${path.startsWith('/') ? path : `/${path}`}${qs ? `?${qs}` : ''}`;
}

/**
 * The one fetch wrapper: same-origin cookies, JSON in and out, every failure as an ApiError
 * (status 0 for a network failure). A 204 resolves to `undefined`.
 */
export async function apiRequest<T>(path: string, request: ApiRequest = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (request.body instanceof FormData) body = request.body;
  else if (request.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(request.body);
  }
  if (request.idempotencyKey) headers['Idempotency-Key'] = request.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(apiUrl(path, request.query), {
      method: request.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
      credentials: 'same-origin',
      signal: request.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, code: 'network', message: cause instanceof Error ? cause.message : 'network error' });
  }
  if (!response.ok) {
    const error = apiErrorFromResponse({
      status: response.status,
      bodyText: await response.text().catch(() => ''),
      retryAfter: response.headers.get('Retry-After'),
    });
    if (error.status === 401) unauthenticatedListener?.();
    throw error;
  }
  // A 204 has an empty body and resolves to undefined.
  const text = await response.text();
  const parsed: T = text ? JSON.parse(text) : undefined;
  return parsed;
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) => apiRequest<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown, idempotencyKey?: string) =>
    apiRequest<T>(path, { method: 'POST', body: body ?? {}, idempotencyKey }),
  put: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PUT', body }),
};
