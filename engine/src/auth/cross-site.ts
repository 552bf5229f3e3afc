const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface CrossSiteInput {
  method: string;
  /** The Origin header, if any. */
  origin: string | undefined;
  /** The Sec-Fetch-Site header, if any. */
  fetchSite: string | undefined;
  /** The Host header the request came with. */
  host: string | undefined;
  /** The engine's own origin as the request sees it, e.g. "https://wy.example.cn". */
  ownOrigin: string;
  allowedOrigins: readonly string[];
}

/**
 * Why a browser request that changes something must be refused as cross-site (CSRF), or null.
 * Browsers send Origin on every cross-origin POST and Sec-Fetch-Site on every request; tools
 * (curl, scripts) send neither and are not a CSRF vector, so requests without both pass.
 */
export function crossSiteProblem(input: CrossSiteInput): string | null {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return null;
  const { origin } = input;
  if (origin !== undefined && origin !== '') {
    if (origin === input.ownOrigin || input.allowedOrigins.includes(origin)) return null;
    // Behind a TLS-terminating proxy the scheme we see may differ; the host is what a foreign site cannot fake.
    if (origin !== 'null' && input.host !== undefined && hostOf(origin) === input.host.toLowerCase()) return null;
    return `Requests from ${origin} may not change anything here. Use the EstateFlow apps, an API token, or add the origin to ESTATEFLOW_ALLOWED_ORIGINS.`;
  }
  if (input.fetchSite === 'cross-site' || input.fetchSite === 'same-site') {
    return 'Requests from another site may not change anything here. Use the EstateFlow apps or an API token.';
  }
  return null;
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}
