/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API is same-origin under /api: both the dev server and `vite preview` proxy it to the backend.
const apiTarget = process.env.GJ_API_URL ?? 'http://127.0.0.1:8080';
const port = Number(process.env.GJ_SPA_PORT ?? 5173);
const server = {
  host: '127.0.0.1',
  port,
  strictPort: true,
  proxy: { '/api': { target: apiTarget, changeOrigin: false } },
};

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server,
  preview: server,
  build: { sourcemap: true },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/testing/setup-tests.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
  },
});
