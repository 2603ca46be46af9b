/**
 * The SPA's security headers, in one place: the Vite dev and preview servers send them (see
 * vite.config.ts) and nginx.conf repeats them for docker-compose (security-headers.test.ts fails on drift).
 * Plain TypeScript without `import.meta`: vite.config.ts imports it in Node.
 */

/** Keycloak's URL when VITE_KEYCLOAK_URL is not set (the local stack's). */
export const DEFAULT_KEYCLOAK_URL = 'http://127.0.0.1:8180';

/** Paths the SPA's servers answer 404 for: Quarkus' own endpoints are never reached through the SPA. */
export const BLOCKED_PATH = /^\/q(\/|$)/;

/** keycloak-js' silent SSO check loads this page in an iframe of the app itself. */
export const SILENT_CHECK_SSO_PATH = '/silent-check-sso.html';

export type HeaderOptions = {
  /** Keycloak's base URL (VITE_KEYCLOAK_URL); only its origin is used. */
  keycloakUrl: string;
  /** The page may be framed by the app itself (the silent SSO check), otherwise by nobody. */
  framedBySelf?: boolean;
  /**
   * Vite's dev server only: its React refresh preamble is an inline script, its CSS arrives as
   * injected <style> elements and hot reload talks over a WebSocket. The built app needs none of this.
   */
  devServer?: boolean;
};

export function contentSecurityPolicy({ keycloakUrl, framedBySelf = false, devServer = false }: HeaderOptions): string {
  const keycloak = new URL(keycloakUrl).origin;
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    // 'wasm-unsafe-eval': the zxing decoder of the door scanner is WebAssembly; no eval of JavaScript.
    ['script-src', "'self'", "'wasm-unsafe-eval'", ...(devServer ? ["'unsafe-inline'"] : [])],
    ['style-src', "'self'", ...(devServer ? ["'unsafe-inline'"] : [])],
    // blob: the ticket's QR image is fetched with the token and shown from an object URL.
    ['img-src', "'self'", 'blob:', 'data:'],
    ['font-src', "'self'"],
    // Keycloak: token refreshes; the API is same-origin (/api).
    ['connect-src', "'self'", keycloak, ...(devServer ? ['ws:'] : [])],
    // Keycloak's silent SSO and third-party cookie checks run in iframes that end on our own page.
    ['frame-src', "'self'", keycloak],
    ['frame-ancestors', framedBySelf ? "'self'" : "'none'"],
    ['worker-src', "'self'"],
    ['manifest-src', "'self'"],
    ['media-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'", keycloak],
  ];
  return directives.map((directive) => directive.join(' ')).join('; ');
}

/** Only the door scanner's camera, and only for the app itself; every other powerful feature is off. */
export const PERMISSIONS_POLICY = [
  'camera=(self)',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'hid=()',
  'midi=()',
  'display-capture=()',
  'publickey-credentials-get=()',
  'accelerometer=()',
  'gyroscope=()',
  'magnetometer=()',
].join(', ');

export function securityHeaders(options: HeaderOptions): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': PERMISSIONS_POLICY,
    'Cross-Origin-Opener-Policy': 'same-origin',
    // Older browsers that ignore frame-ancestors.
    'X-Frame-Options': options.framedBySelf ? 'SAMEORIGIN' : 'DENY',
  };
}

/**
 * The path of a request as a server resolves it: percent-decoded, dot segments removed. A raw
 * `/api/../q/metrics` must not pass the proxy's `/api` prefix test and then reach /q/metrics.
 * Undefined when it cannot be decoded.
 */
export function resolvedPath(rawUrl: string): string | undefined {
  const rawPath = rawUrl.split(/[?#]/, 1)[0] ?? '/';
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath).replace(/\\/g, '/');
  } catch {
    return undefined;
  }
  const segments: string[] = [];
  for (const segment of decoded.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return `/${segments.join('/')}${decoded.endsWith('/') && segments.length > 0 ? '/' : ''}`;
}

/** Whether the SPA's servers must answer 404: /q/*, once resolved, or any dot segment at all. */
export function isBlockedRequest(rawUrl: string): boolean {
  const path = resolvedPath(rawUrl);
  if (path === undefined) return true;
  if (BLOCKED_PATH.test(path)) return true;
  // No legitimate request of the SPA carries dot segments; refusing them keeps proxy and backend agreeing.
  const rawPath = rawUrl.split(/[?#]/, 1)[0] ?? '/';
  return /(^|\/)(\.|%2e){1,2}(\/|%2f|\\|$)/i.test(rawPath);
}
