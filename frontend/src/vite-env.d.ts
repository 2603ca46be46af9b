/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />

interface ImportMetaEnv {
  /** Keycloak base URL (default http://127.0.0.1:8180). */
  readonly VITE_KEYCLOAK_URL?: string;
  readonly VITE_KEYCLOAK_REALM?: string;
  readonly VITE_KEYCLOAK_CLIENT_ID?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}

/** A part of a language's texts (vite.config.ts, textsPlugin). */
declare module 'virtual:grandjour-texts/*' {
  const texts: Record<string, unknown>;
  export default texts;
}
