import { expect, type Page } from '@playwright/test';

// What the specs share: where things are, tokens for the tests' own API calls, and the real
// Keycloak login form.

export const BASE_URL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:5174';
export const KEYCLOAK_URL = process.env.E2E_KEYCLOAK_URL ?? 'http://127.0.0.1:8180';

/** A token by password grant (the realm's CLI client); the demo users' password is their name. */
export async function tokenOf(username: string): Promise<string> {
  const response = await fetch(`${KEYCLOAK_URL}/realms/grandjour/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: 'grandjour-cli', username, password: username }),
  });
  expect(response.ok, `token of ${username}`).toBe(true);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** A call to our API through the SPA's origin (as the browser makes it). */
export async function api(path: string, token?: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  if (init.body && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  return fetch(`${BASE_URL}${path}`, { ...init, headers });
}

export async function json<T>(path: string, token?: string): Promise<T> {
  const response = await api(path, token);
  expect(response.ok, `GET ${path}: ${response.status}`).toBe(true);
  return (await response.json()) as T;
}

/** Today where the demo's days are counted. */
export const parisToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );

/** Fills the real Keycloak login page (demo users: password = username). */
export async function submitKeycloakLogin(page: Page, username: string) {
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(username);
  await page.locator('#kc-login').click();
}

/** Logs in on the real Keycloak page, from the My account page, and waits to be back. */
export async function logInFromAccountPage(page: Page, username: string) {
  await page.getByRole('navigation').getByRole('link', { name: 'My account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible();
  await page.getByRole('main').getByRole('button', { name: 'Log in' }).click();

  await submitKeycloakLogin(page, username);

  await page.waitForURL((url) => url.pathname === '/account' && !url.hash.includes('code='));
  await expect(page.getByTestId('account-username')).toHaveText(username);
}

// Mails and accounts of the specs' own residents: GreenMail's API, Keycloak's admin API.
export const MAIL_API = process.env.E2E_MAIL_API ?? 'http://127.0.0.1:8025';

export type Mail = { subject: string; mimeMessage: string };

/** A token of Keycloak's admin (the dist started by stack/keycloak.sh), to make the specs' own users. */
export async function keycloakAdminToken(): Promise<string> {
  const response = await fetch(`${KEYCLOAK_URL}/realms/master/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: 'admin-cli', username: 'admin', password: 'admin' }),
  });
  expect(response.ok, 'Keycloak admin token').toBe(true);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** A verified resident of Lens; password = username, as the demo's. */
export async function createResident(admin: string, username: string): Promise<string> {
  const email = `${username}@residents.grandjour.test`;
  const response = await fetch(`${KEYCLOAK_URL}/admin/realms/grandjour/users`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      username,
      email,
      emailVerified: true,
      enabled: true,
      firstName: 'E2e',
      lastName: username,
      attributes: { postcode: ['62300'], locale: ['en'] },
      credentials: [{ type: 'password', value: username, temporary: false }],
    }),
  });
  expect(response.status, `create ${username}`).toBe(201);
  return email;
}

/** The mails GreenMail holds for an address (none yet: an empty list). */
export async function mails(address: string): Promise<Mail[]> {
  const response = await fetch(`${MAIL_API}/api/user/${encodeURIComponent(address)}/messages/`);
  return response.ok ? ((await response.json()) as Mail[]) : [];
}
