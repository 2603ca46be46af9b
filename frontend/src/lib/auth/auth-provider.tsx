import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthContext, type Auth, type AuthState } from './auth-context';
import { initKeycloak, keycloak, realmRoles } from './keycloak';

function snapshot(status: AuthState['status']): AuthState {
  const authenticated = Boolean(keycloak.authenticated);
  return {
    status,
    authenticated,
    username: authenticated ? (keycloak.tokenParsed?.preferred_username as string | undefined) : undefined,
    roles: authenticated ? realmRoles() : [],
  };
}

function currentPage(): string {
  const url = new URL(window.location.href);
  url.hash = '';
  return url.toString();
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const [state, setState] = useState<AuthState>({
    status: 'loading',
    authenticated: false,
    username: undefined,
    roles: [],
  });

  useEffect(() => {
    let active = true;
    const refresh = () => {
      if (active) setState(snapshot('ready'));
    };
    keycloak.onAuthSuccess = refresh;
    keycloak.onAuthRefreshSuccess = refresh;
    keycloak.onAuthLogout = refresh;
    // A refresh Keycloak refuses (session ended) makes keycloak-js drop the tokens (onAuthLogout);
    // one that fails for want of network keeps them, so a door phone offline stays logged in.
    keycloak.onTokenExpired = () => {
      keycloak.updateToken(30).catch(() => undefined);
    };
    initKeycloak().then(refresh, (error: unknown) => {
      console.warn('Keycloak is unavailable; continuing without login', error);
      if (active) setState(snapshot('unavailable'));
    });
    return () => {
      active = false;
    };
  }, []);

  const login = useCallback(() => {
    void keycloak.login({ locale: i18n.resolvedLanguage ?? i18n.language, redirectUri: currentPage() });
  }, [i18n]);

  const logout = useCallback(() => {
    void keycloak.logout({ redirectUri: currentPage() });
  }, []);

  const value = useMemo<Auth>(
    () => ({ ...state, hasRole: (role) => state.roles.includes(role), login, logout }),
    [state, login, logout],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
