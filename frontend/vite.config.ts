/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import {
  DEFAULT_KEYCLOAK_URL,
  isBlockedRequest,
  securityHeaders,
  SILENT_CHECK_SSO_PATH,
} from './src/config/security-headers.ts';
import { splitTexts, type TextPart } from './src/lib/i18n/text-parts.ts';

// The API is same-origin under /api: both the dev server and `vite preview` proxy it to the backend.
const apiTarget = process.env.GJ_API_URL ?? 'http://127.0.0.1:8080';
const port = Number(process.env.GJ_SPA_PORT ?? 5173);
const server = {
  host: '127.0.0.1',
  port,
  strictPort: true,
  proxy: { '/api': { target: apiTarget, changeOrigin: false } },
};

/**
 * The security headers of src/config/security-headers.ts on every page and asset of the dev and
 * preview servers (not on proxied /api answers: the backend sends its own), and 404 for /q/* and
 * dot-segment paths before the /api proxy sees them. Middlewares added here run before Vite's own.
 */
function securityHeadersPlugin(keycloakUrl: string): Plugin {
  const guard = (devServer: boolean) => (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const url = req.url ?? '/';
    if (isBlockedRequest(url)) {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('Not Found');
      return;
    }
    if (!url.startsWith('/api/')) {
      const framedBySelf = url.split('?', 1)[0] === SILENT_CHECK_SSO_PATH;
      for (const [name, value] of Object.entries(securityHeaders({ keycloakUrl, framedBySelf, devServer }))) {
        res.setHeader(name, value);
      }
    }
    next();
  };
  return {
    name: 'grandjour-security-headers',
    configureServer: (dev) => void dev.middlewares.use(guard(true)),
    configurePreviewServer: (preview) => void preview.middlewares.use(guard(false)),
  };
}

/**
 * `virtual:grandjour-texts/<lang>-<part>`: one part of a language's texts (src/lib/i18n/text-parts.ts),
 * cut from src/lib/i18n/locales/<lang>.json, each a chunk of its own.
 */
function textsPlugin(): Plugin {
  const prefix = 'virtual:grandjour-texts/';
  return {
    name: 'grandjour-texts',
    resolveId: (id) => (id.startsWith(prefix) ? `\0${id}` : undefined),
    load(id) {
      if (!id.startsWith(`\0${prefix}`)) return undefined;
      const [language, part] = id.slice(prefix.length + 1).split('-') as [string, TextPart];
      if (!/^[a-z]{2}$/.test(language) || (part !== 'main' && part !== 'more')) throw new Error(`No texts ${id}`);
      const file = fileURLToPath(new URL(`./src/lib/i18n/locales/${language}.json`, import.meta.url));
      this.addWatchFile(file);
      const texts = splitTexts(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)[part];
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(texts))});`;
    },
  };
}

/**
 * The production build runs on Preact (preact/compat, about 30 KB where react-dom is 200) under the
 * names of React, so the libraries written for React (React Router, TanStack Query, react-i18next) and
 * the app's own code import `react` unchanged. Only `vite build`: the dev server and Vitest run real React.
 */
const preactForReact = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
];

export default defineConfig(({ command, mode }) => ({
  plugins: [
    textsPlugin(),
    securityHeadersPlugin(loadEnv(mode, process.cwd(), 'VITE_').VITE_KEYCLOAK_URL || DEFAULT_KEYCLOAK_URL),
    react(),
    // App-shell service worker for every page (registered by the app once loaded, see src/lib/pwa.ts):
    // the whole build is precached but the 1 MB zxing .wasm (kept once the scanner fetched it: residents
    // never download it), and navigations fall back to index.html,
    // so the app reopens offline. Nothing under /api is cached: door lists, scans and the offline
    // copies of a resident's tickets live in IndexedDB, written by the features that show them.
    VitePWA({
      strategies: 'generateSW',
      registerType: 'autoUpdate',
      injectRegister: false,
      // One manifest per language, in public/ (manifest.fr/en.webmanifest): index.html links the French
      // one, and the SPA points the link at the language it speaks (src/lib/i18n/i18n.ts).
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        runtimeCaching: [
          {
            urlPattern: /\/assets\/[^/]+\.wasm$/,
            handler: 'CacheFirst',
            options: { cacheName: 'grandjour-qr-reader', expiration: { maxEntries: 2 } },
          },
        ],
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/silent-check-sso\.html/],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  resolve: {
    alias: [
      { find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) },
      ...(command === 'build' ? preactForReact : []),
    ],
  },
  server,
  preview: server,
  // manifest: dist/.vite/manifest.json, which `npm run bundle-size` follows to sum the home page's JavaScript
  build: { sourcemap: true, manifest: true },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/testing/setup-tests.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    // behaviour, not speed: a loaded 2-core machine renders a jsdom page far slower than the 5 s default allows
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
}));
