import Keycloak from 'keycloak-js';
import { env } from '@/config/env';

const newAdapter = () =>
  new Keycloak({ url: env.keycloakUrl, realm: env.keycloakRealm, clientId: env.keycloakClientId });

/**
 * The one Keycloak adapter of the app (public client, authorization code flow with PKCE S256).
 * `let`: an adapter whose init failed (no network) cannot be initialized again, so resetKeycloak
 * replaces it; importers see the new one (ES modules export live bindings).
 */
export let keycloak = newAdapter();

let initialization: Promise<boolean> | undefined;

/** A fresh adapter, for another init after a failed one (the network came back). */
export function resetKeycloak(): void {
  keycloak = newAdapter();
  initialization = undefined;
}

/**
 * Initializes the adapter once (React StrictMode mounts effects twice): finishes a login redirect if
 * the URL carries one, otherwise silently checks for an existing Keycloak session (check-sso in a
 * hidden iframe), so a reload keeps the user logged in. Resolves to `authenticated`.
 */
export function initKeycloak(): Promise<boolean> {
  initialization ??= keycloak.init({
    onLoad: 'check-sso',
    silentCheckSsoRedirectUri: `${window.location.origin}/silent-check-sso.html`,
    pkceMethod: 'S256',
    checkLoginIframe: false,
    messageReceiveTimeout: 5000,
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
  if (!keycloak.authenticated) return undefined;
  await keycloak.updateToken(30).catch(() => undefined);
  return keycloak.token;
}

export type RealmRole = 'resident' | 'staff' | 'organiser';

export function realmRoles(): string[] {
  return keycloak.tokenParsed?.realm_access?.roles ?? [];
}
