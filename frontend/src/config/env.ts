import { DEFAULT_KEYCLOAK_URL } from './security-headers';

/** Build-time settings (Vite `VITE_*` variables), with the defaults of the local stack. */
export const env = {
  keycloakUrl: import.meta.env.VITE_KEYCLOAK_URL ?? DEFAULT_KEYCLOAK_URL,
  keycloakRealm: import.meta.env.VITE_KEYCLOAK_REALM ?? 'grandjour',
  keycloakClientId: import.meta.env.VITE_KEYCLOAK_CLIENT_ID ?? 'grandjour-spa',
} as const;
