/**
 * Who was logged in on this device, remembered (no token: a name and roles) so that a phone that
 * reloads the app without network still knows whose tickets and which scanner to open; the API is
 * not reachable then anyway, and the first answer of Keycloak once online replaces it. Cleared on
 * logout, and when Keycloak says the session has ended.
 */
export type RememberedSession = { username: string; roles: string[]; savedAt: number };

const KEY = 'grandjour.session';

export function rememberSession(username: string, roles: string[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ username, roles, savedAt: Date.now() } satisfies RememberedSession));
  } catch {
    // storage disabled: no offline start, that is all
  }
}

export function rememberedSession(): RememberedSession | undefined {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<RememberedSession> | null;
    if (!value || typeof value.username !== 'string' || !Array.isArray(value.roles)) return undefined;
    return {
      username: value.username,
      roles: value.roles.filter((r): r is string => typeof r === 'string'),
      savedAt: typeof value.savedAt === 'number' ? value.savedAt : 0,
    };
  } catch {
    return undefined;
  }
}

export function forgetSession(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing stored
  }
}

const LOGOUT_KEY = 'grandjour.logout-pending';

/** A logout made offline: Keycloak's own session is ended at the next start with network. */
export function markLogoutPending(pending: boolean): void {
  try {
    if (pending) localStorage.setItem(LOGOUT_KEY, '1');
    else localStorage.removeItem(LOGOUT_KEY);
  } catch {
    // storage disabled
  }
}

export function isLogoutPending(): boolean {
  try {
    return localStorage.getItem(LOGOUT_KEY) === '1';
  } catch {
    return false;
  }
}

/**
 * Whether Keycloak must be asked as the app starts: the URL is Keycloak's answer to a login (its
 * callback, in the fragment: `state` with `code` or `error`), someone was logged in on this device
 * (rememberSession, done at every login), or a logout made offline waits for Keycloak. Otherwise the
 * visitor is anonymous as far as this device knows, and keycloak-js loads only when they log in.
 * A Keycloak session opened elsewhere (another app of the realm) is then found at that login, which
 * needs no password.
 */
export function sessionMayExist(url: Pick<Location, 'hash'> = window.location): boolean {
  const callback = new URLSearchParams(url.hash.replace(/^#/, ''));
  if (callback.has('state') && (callback.has('code') || callback.has('error'))) return true;
  return rememberedSession() !== undefined || isLogoutPending();
}
