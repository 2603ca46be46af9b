import type Keycloak from 'keycloak-js';
import { env } from '@/config/env';

/** The realm's OpenID Connect endpoints (those of its discovery document, without fetching it). */
export function realmEndpoints(keycloakUrl: string, realm: string) {
  const base = `${keycloakUrl.replace(/\/+$/, '')}/realms/${encodeURIComponent(realm)}/protocol/openid-connect`;
  return {
    authorization_endpoint: `${base}/auth`,
    token_endpoint: `${base}/token`,
    end_session_endpoint: `${base}/logout`,
    userinfo_endpoint: `${base}/userinfo`,
  };
}

/**
 * keycloak-js is a chunk of its own, downloaded when AuthProvider first needs it: as the app starts
 * when a session may exist (offline-session.ts, sessionMayExist), else at the login. The first screen
 * never waits for it; an anonymous visitor's pages never download it.
 *
 * Configured as a generic OpenID Connect provider (keycloak-js's `oidcProvider`, the realm's endpoints
 * given inline: no discovery request), not with url + realm: in that mode keycloak-js skips its
 * third-party-cookie check (keycloak/keycloak#34139), two hidden iframes (3p-cookies/step1.html then
 * step2.html) that each made a document and a JavaScript context on the page's main thread at every
 * start of a logged-in page (issue 11, blocking time). The silent check-sso iframe stays. What that
 * check would change: where a browser blocks Keycloak's cookies in an iframe (Keycloak on another site
 * than the app), the silent check finds no session and the user is shown logged out until they press
 * Log in, which then needs no password; the app uses none of the Keycloak-only calls the mode lacks
 * (registration, account page, login-status iframe: checkLoginIframe is off).
 */
const newAdapter = () =>
  import('keycloak-js').then(
    ({ default: Adapter }) =>
      new Adapter({ clientId: env.keycloakClientId, oidcProvider: realmEndpoints(env.keycloakUrl, env.keycloakRealm) }),
  );

/**
 * The one Keycloak adapter of the app (public client, authorization code flow with PKCE S256), once
 * loaded: undefined before, when nobody is logged in as far as the app knows.
 * `let`: an adapter whose init failed (no network) cannot be initialized again, so resetKeycloak
 * replaces it; importers see the new one (ES modules export live bindings).
 */
export let keycloak: Keycloak | undefined;
let adapter: Promise<Keycloak> | undefined;

/** The adapter, loaded (and created) on the first call. */
export function getKeycloak(): Promise<Keycloak> {
  const current = (adapter ??= newAdapter().then((created) => (keycloak = created)));
  current.catch(() => {
    if (adapter === current) adapter = undefined; // the chunk could not be downloaded: tried again next time
  });
  return current;
}

/** How long the start's silent check may take before the app carries on without Keycloak. */
const INIT_TIMEOUT_MS = 5000;

let initialization: Promise<boolean> | undefined;
/** The init's answer once it came (whether someone is logged in), read synchronously by a first render. */
let answer: boolean | undefined;

/** A fresh adapter, for another init after a failed one (the network came back). */
export function resetKeycloak(): void {
  keycloak = undefined;
  adapter = undefined;
  initialization = undefined;
  answer = undefined;
}

/**
 * Whether the session check is over, and its answer: undefined while it runs (or never ran, or failed).
 * The app may start it before its first render (src/app/first-screen.ts), which then shows its outcome.
 */
export function sessionCheckAnswer(): boolean | undefined {
  return answer;
}

/** Whether the session check was started (and not reset since). */
export function sessionCheckStarted(): boolean {
  return initialization !== undefined;
}

let prepareAdapter: (adapter: Keycloak) => void = () => undefined;

/**
 * Initializes the adapter once (React StrictMode mounts effects twice): finishes a login redirect if
 * the URL carries one, otherwise silently checks for an existing Keycloak session (check-sso in a
 * hidden iframe), so a reload keeps the user logged in. Resolves to `authenticated`. `prepare` (the
 * event handlers of the caller) is applied to the adapter before its init, or at once if it is there:
 * the latest caller's handlers are the ones in place.
 */
export function initKeycloak(prepare: (adapter: Keycloak) => void = () => undefined): Promise<boolean> {
  prepareAdapter = prepare;
  if (keycloak) prepare(keycloak);
  initialization ??= getKeycloak().then((adapter) => {
    prepareAdapter(adapter);
    const init = adapter.init({
      onLoad: 'check-sso',
      silentCheckSsoRedirectUri: `${window.location.origin}/silent-check-sso.html`,
      pkceMethod: 'S256',
      checkLoginIframe: false,
      messageReceiveTimeout: INIT_TIMEOUT_MS,
    });
    // keycloak-js waits for the silent check's answer without a time limit (only its third-party-cookie
    // check, skipped in the generic OIDC mode, had one): a Keycloak that cannot be reached (a phone with
    // no real network) would leave the app "checking the session" for ever. Failed after a while
    // instead, as when Keycloak is down: AuthProvider carries on without login and tries again later.
    const checked = new Promise<boolean>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('Keycloak did not answer the silent check')), INIT_TIMEOUT_MS);
      init.then(resolve, reject).finally(() => clearTimeout(timer));
    });
    const current = initialization;
    checked.then(
      (authenticated) => {
        if (initialization === current) answer = authenticated;
      },
      () => undefined,
    );
    return checked;
  });
  return initialization;
}

/**
 * The access token to send, refreshed if it expires within 30 s; undefined when logged out.
 * When Keycloak refuses the refresh (session ended), keycloak-js drops the tokens itself: carry on
 * anonymously. When it cannot be reached (a door phone offline), the tokens are kept: the request
 * goes with the current one, and the next call refreshes it once the network is back.
 */
export async function getAccessToken(): Promise<string | undefined> {
  const adapter = keycloak;
  if (!adapter?.authenticated) return undefined;
  await adapter.updateToken(30).catch(() => undefined);
  return adapter.token;
}

export type RealmRole = 'resident' | 'staff' | 'organiser';

export function realmRoles(): string[] {
  return keycloak?.tokenParsed?.realm_access?.roles ?? [];
}
