import dockerfile from '../../Dockerfile?raw';
import indexHtml from '../../index.html?raw';
import nginxConf from '../../nginx.conf?raw';
import silentCheckSsoHtml from '../../public/silent-check-sso.html?raw';
import { contentSecurityPolicy, isBlockedRequest, resolvedPath, securityHeaders } from './security-headers';


/** The Keycloak URL the Docker image is built with (the nginx.conf it ships must match it). */
const dockerKeycloakUrl = /^ARG VITE_KEYCLOAK_URL=(\S+)$/m.exec(dockerfile)?.[1];

/** The add_header lines of one nginx location block, as name → value. */
function nginxHeaders(conf: string, location: string): Map<string, string> {
  const start = conf.indexOf(`location ${location} {`);
  expect(start, `nginx.conf has location ${location}`).toBeGreaterThanOrEqual(0);
  const block = conf.slice(start, conf.indexOf('\n    }', start));
  const headers = new Map<string, string>();
  for (const [, name, value] of block.matchAll(/add_header (\S+) "([^"]*)" always;/g)) headers.set(name!, value!);
  return headers;
}

describe('security headers', () => {
  it('nginx.conf sends exactly the headers of security-headers.ts on every page and asset', () => {
    expect(dockerKeycloakUrl).toMatch(/^https?:\/\//);
    const conf = nginxConf;
    for (const [location, framedBySelf] of [
      ['/', false],
      ['/assets/', false],
      ['= /silent-check-sso.html', true],
    ] as const) {
      const actual = nginxHeaders(conf, location);
      for (const [name, value] of Object.entries(securityHeaders({ keycloakUrl: dockerKeycloakUrl!, framedBySelf }))) {
        expect(actual.get(name), `${name} in location ${location}`).toBe(value);
      }
    }
  });

  it('nginx.conf answers 404 for /q/*', () => {
    expect(nginxConf).toMatch(/location \^~ \/q\/ \{\s*return 404;/);
  });

  it('the built app gets a strict policy: no inline script or style, nor eval of JavaScript', () => {
    const policy = contentSecurityPolicy({ keycloakUrl: 'https://login.example.org/auth' });
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain("'unsafe-eval'");
    expect(policy).toContain("connect-src 'self' https://login.example.org;");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy({ keycloakUrl: 'https://login.example.org', framedBySelf: true })).toContain(
      "frame-ancestors 'self'",
    );
  });

  it('the page of the silent SSO check has no inline script', () => {
    expect(silentCheckSsoHtml).not.toMatch(/<script>|<script(?![^>]*\bsrc=)[^>]*>/);
    expect(indexHtml).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it.each([
    '/q/metrics',
    '/q',
    '/api/../q/metrics',
    '/api/%2e%2e/q/metrics',
    '/api/%2E%2E/q/health',
    '/api/..%2fq/metrics',
    '/api/./editions',
    '/%71/metrics',
    '/api/%zz',
  ])('blocks %s', (url) => {
    expect(isBlockedRequest(url)).toBe(true);
  });

  it.each(['/', '/api/editions?q=..', '/api/editions/2/offers?territory=GB-KEN', '/assets/index-abc.js', '/queue'])(
    'lets %s through',
    (url) => {
      expect(isBlockedRequest(url)).toBe(false);
    },
  );

  it('resolves dot segments like a server does', () => {
    expect(resolvedPath('/api/x/../../q/metrics?a=1')).toBe('/q/metrics');
    expect(resolvedPath('/api/editions/')).toBe('/api/editions/');
  });
});
