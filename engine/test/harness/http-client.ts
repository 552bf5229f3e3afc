/** A tiny HTTP client for tests that keeps the session cookie like a browser does. */
export class HttpClient {
  private cookie = '';

  constructor(readonly baseUrl: string) {}

  /** The session cookie, for tests that open their own connections (Server-Sent Events). */
  get cookieHeader(): string {
    return this.cookie;
  }

  /** `formData`: a multipart body (uploads). `raw`: also return the body's bytes (downloads). */
  async request(
    method: string,
    path: string,
    options: { body?: unknown; rawBody?: string; formData?: FormData; raw?: boolean; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; headers: Headers; body: any; bytes?: ArrayBuffer }> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookie) headers.cookie = this.cookie;
    let body: string | FormData | undefined;
    if (options.formData !== undefined) {
      body = options.formData;
    } else if (options.rawBody !== undefined) {
      body = options.rawBody;
      headers['content-type'] ??= 'application/json';
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(this.baseUrl + path, { method, headers, body, redirect: 'manual' });
    const setCookie = response.headers.getSetCookie();
    for (const line of setCookie) {
      const pair = line.split(';')[0] ?? '';
      const [name] = pair.split('=');
      const others = this.cookie.split('; ').filter((part) => part && !part.startsWith(`${name}=`));
      this.cookie = [...others, pair].join('; ');
    }
    if (options.raw) {
      const bytes = await response.arrayBuffer();
      return { status: response.status, headers: response.headers, body: null, bytes };
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: response.status, headers: response.headers, body: parsed };
  }

  get(path: string, headers?: Record<string, string>) {
    return this.request('GET', path, { headers });
  }
  post(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('POST', path, { body, headers });
  }
  put(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('PUT', path, { body, headers });
  }
}
