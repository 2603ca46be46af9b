import { createContext, useContext } from 'react';

export type AuthStatus = 'loading' | 'ready' | 'unavailable' | 'offline';

export type AuthState = {
  /**
   * `loading` until Keycloak answered; `unavailable` if it could not be reached (public pages still
   * work); `offline`: Keycloak not reached (no network) but someone was logged in on this device, who
   * is taken as logged in from what the device remembers (no token: only offline copies and the
   * scanner's stored door work) until Keycloak answers once the network is back.
   */
  status: AuthStatus;
  authenticated: boolean;
  /**
   * While `loading`, who was logged in last on this device (not confirmed: `authenticated` is false),
   * so the header is laid out as it will be and does not jump when Keycloak answers.
   */
  username: string | undefined;
  /** Realm roles from the token (`realm_access.roles`): resident, staff, organiser. */
  roles: string[];
};

export type Auth = AuthState & {
  hasRole: (role: string) => boolean;
  /** Redirects to the Keycloak login page, in the current UI language; comes back to the current page. */
  login: () => void;
  /** Ends the Keycloak session and comes back to the current page. */
  logout: () => void;
};

export const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth must be used inside <AuthProvider>');
  return auth;
}
