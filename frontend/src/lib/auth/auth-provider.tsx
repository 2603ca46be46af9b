import type Keycloak from 'keycloak-js';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from '@/lib/i18n/react';
import { clearOfflineCopies } from '@/lib/offline-copies';
import { AuthContext, type Auth, type AuthState } from './auth-context';
import { getKeycloak, initKeycloak, keycloak, realmRoles, resetKeycloak, sessionCheckAnswer, sessionCheckStarted } from './keycloak';
import {
  forgetSession,
  isLogoutPending,
  markLogoutPending,
  rememberedSession,
  rememberSession,
  sessionMayExist,
} from './offline-session';

function snapshot(status: AuthState['status']): AuthState {
  const authenticated = Boolean(keycloak?.authenticated);
  return {
    status,
    authenticated,
    username: authenticated ? (keycloak?.tokenParsed?.preferred_username as string | undefined) : undefined,
    roles: authenticated ? realmRoles() : [],
  };
}

const sameState = (a: AuthState, b: AuthState) =>
  a.status === b.status &&
  a.authenticated === b.authenticated &&
  a.username === b.username &&
  a.roles.length === b.roles.length &&
  a.roles.every((role, i) => role === b.roles[i]);

function currentPage(): string {
  const url = new URL(window.location.href);
  url.hash = '';
  return url.toString();
}

/** What this device forgets when its user logs out: the session it remembers and the offline copies. */
function forgetDevice(): Promise<void> {
  forgetSession();
  return clearOfflineCopies();
}

/** The adapter's events, each followed by `refresh` (the state read again from the adapter). */
const listen = (refresh: () => void) => (adapter: Keycloak) => {
  adapter.onAuthSuccess = refresh;
  adapter.onAuthRefreshSuccess = refresh;
  adapter.onAuthLogout = refresh;
  // A refresh Keycloak refuses (session ended) makes keycloak-js drop the tokens (onAuthLogout);
  // one that fails for want of network keeps them, so a door phone offline stays logged in.
  adapter.onTokenExpired = () => {
    adapter.updateToken(30).catch(() => undefined);
  };
};

export function AuthProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  // Keycloak is asked at start only when a session may exist (sessionMayExist): an anonymous visitor's
  // pages neither download keycloak-js (25 KB) nor wait for its silent check; it loads when they log in.
  // Started before the first render (first-screen.ts), it may have consumed a login's callback already.
  const [asked] = useState(() => sessionCheckStarted() || sessionMayExist());
  const [state, setState] = useState<AuthState>(() => {
    if (!asked) return { status: 'ready', authenticated: false, username: undefined, roles: [] };
    // The check may be over already (started before the first render): its outcome at once, not one
    // render later.
    if (sessionCheckAnswer() !== undefined && !isLogoutPending()) return snapshot('ready');
    const remembered = rememberedSession();
    return { status: 'loading', authenticated: false, username: remembered?.username, roles: remembered?.roles ?? [] };
  });

  /** The session as the adapter has it now, remembered on this device; the same state is kept as it is (no render of the whole app for nothing). */
  const showSession = useCallback(() => {
    const next = snapshot('ready');
    if (next.username) rememberSession(next.username, next.roles);
    setState((current) => (sameState(current, next) ? current : next));
  }, []);

  useEffect(() => {
    if (!asked) return;
    let active = true;
    const refresh = () => {
      if (active) showSession();
    };
    // Offline, someone logged in here before: the device's memory of them, until Keycloak answers.
    const offline = () => {
      const remembered = rememberedSession();
      if (!remembered) return false;
      setState({ status: 'offline', authenticated: true, username: remembered.username, roles: remembered.roles });
      return true;
    };
    let waitingForNetwork = false;
    let failed = false;
    const start = () => {
      waitingForNetwork = false;
      window.removeEventListener('online', start);
      // An adapter initializes once: a fresh one after a failed init (kept until then for its login URL).
      if (failed) resetKeycloak();
      failed = false;
      initKeycloak(listen(refresh)).then(
        (authenticated) => {
          if (authenticated && isLogoutPending()) {
            markLogoutPending(false);
            void keycloak?.logout({ redirectUri: currentPage() });
            return;
          }
          markLogoutPending(false);
          // Keycloak says nobody is logged in: what the device kept of a previous session goes.
          if (!authenticated && rememberedSession()) void forgetDevice();
          refresh();
        },
        (error: unknown) => {
          console.warn('Keycloak is unavailable; continuing without login', error);
          if (!active) return;
          if (!offline()) setState(snapshot('unavailable'));
          // Tried again when the network comes back.
          failed = true;
          waitForNetwork();
        },
      );
    };
    const waitForNetwork = () => {
      if (waitingForNetwork) return;
      waitingForNetwork = true;
      window.addEventListener('online', start);
    };
    // Without network Keycloak cannot answer (its silent check would fail after a timeout): start
    // from the remembered session at once, and ask Keycloak when the network is back.
    if (!navigator.onLine && offline()) waitForNetwork();
    else start();
    return () => {
      active = false;
      window.removeEventListener('online', start);
    };
  }, [asked, showSession]);

  const login = useCallback(() => {
    const locale = i18n.resolvedLanguage ?? i18n.language;
    if (asked) {
      void getKeycloak().then((adapter) => adapter.login({ locale, redirectUri: currentPage() }));
      return;
    }
    // Not asked at start (an anonymous visitor): the adapter is loaded and initialized now (keycloak-js
    // needs its init before a login). Its silent check may find a Keycloak session already open (a login
    // in another tab): then no redirect, the page just shows them logged in.
    setState((current) => ({ ...current, status: 'loading' }));
    initKeycloak(listen(showSession)).then(
      (authenticated) => {
        if (authenticated) showSession();
        else void keycloak?.login({ locale, redirectUri: currentPage() });
      },
      (error: unknown) => {
        console.warn('Keycloak is unavailable; continuing without login', error);
        resetKeycloak(); // a fresh adapter at the next try
        setState(snapshot('unavailable'));
      },
    );
  }, [i18n, asked, showSession]);

  const logout = useCallback(() => {
    const offline = state.status === 'offline';
    void forgetDevice().then(() => {
      // Offline there is no Keycloak to go to: logged out on this device now, and out of Keycloak at
      // the next start with network.
      if (offline) {
        markLogoutPending(true);
        setState({ status: 'unavailable', authenticated: false, username: undefined, roles: [] });
      } else void getKeycloak().then((adapter) => adapter.logout({ redirectUri: currentPage() }));
    });
  }, [state.status]);

  const value = useMemo<Auth>(
    () => ({ ...state, hasRole: (role) => state.roles.includes(role), login, logout }),
    [state, login, logout],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
