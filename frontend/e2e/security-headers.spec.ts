import { request as httpRequest } from 'node:http';
import { expect, test } from '@playwright/test';
import { securityHeaders } from '../src/config/security-headers';
import { BASE_URL, KEYCLOAK_URL, logInFromAccountPage } from './support';

// The SPA's security headers as served (here by `vite preview`, as the test command runs it), the
// /q/* endpoints kept out of the SPA's origin, and a whole session (login through Keycloak, the
// silent SSO check, every page) without one Content Security Policy violation.

/** A GET with the path sent exactly as written (fetch would resolve the dot segments first). */
function rawGet(path: string): Promise<{ status: number; headers: Record<string, string> }> {
  const base = new URL(BASE_URL);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: base.hostname, port: base.port, path, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, String(v)])),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

test('pages, assets and the silent SSO page carry the security headers', async () => {
  const index = await rawGet('/');
  expect(index.status).toBe(200);
  const asset = /\/assets\/[^"]+\.js/.exec(await (await fetch(`${BASE_URL}/`)).text())?.[0];
  expect(asset, 'a script of the build').toBeDefined();

  for (const [path, framedBySelf] of [
    ['/', false],
    ['/account', false],
    [asset!, false],
    ['/silent-check-sso.html', true],
  ] as const) {
    const { status, headers } = await rawGet(path);
    expect(status, path).toBe(200);
    for (const [name, value] of Object.entries(securityHeaders({ keycloakUrl: KEYCLOAK_URL, framedBySelf }))) {
      expect(headers[name.toLowerCase()], `${name} on ${path}`).toBe(value);
    }
  }
});

test('Quarkus endpoints are not reachable through the SPA, dot segments included', async () => {
  for (const path of [
    '/q/metrics',
    '/q/health/ready',
    '/q/openapi',
    '/api/../q/metrics',
    '/api/%2e%2e/q/metrics',
    '/api/..%2fq/metrics',
    '/api/editions/../../q/health',
  ]) {
    expect((await rawGet(path)).status, path).toBe(404);
  }
  expect((await rawGet('/api/editions')).status).toBe(200);
});

test('no Content Security Policy violation while logging in and going through the pages', async ({ page }) => {
  // a login and six page loads, each with the silent SSO check: more than one spec's usual minute on a loaded machine
  test.setTimeout(180_000);
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Permissions-Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  // In every frame (the silent SSO check's included), before any script of the page.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Refused to load (CSP): ${event.violatedDirective} ${event.blockedURI} in ${location.pathname}`);
    });
  });

  await page.goto('/');
  await expect(page.getByRole('article').first()).toBeVisible({ timeout: 30_000 });
  await logInFromAccountPage(page, 'organiser');
  // A reload goes through keycloak-js' silent SSO check (an iframe ending on our own page).
  await page.reload();
  await expect(page.getByTestId('account-username')).toHaveText('organiser');

  // Each page loaded afresh: every load runs the silent SSO check again.
  for (const path of ['/', '/tickets', '/dashboard', '/admin', '/scan', '/account']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    // logged in again: the silent SSO check has run (not 'networkidle': the dashboard's live stream never idles)
    await expect(page.getByRole('banner')).toContainText('organiser');
  }
  await expect(page.getByRole('banner')).toContainText('organiser');
  expect(violations).toEqual([]);
});
