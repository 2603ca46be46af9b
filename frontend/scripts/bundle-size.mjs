#!/usr/bin/env node
// The JavaScript the home page loads, from the production build alone (no server, no browser), so the
// figure is the same on every run: the chunks index.html's entry imports statically (the Vite
// manifest, dist/.vite/manifest.json, written by `vite build`), plus the chunks the home page imports
// on demand as it starts (listed below, with their own static imports). Sizes are of the files as
// served (uncompressed, what Lighthouse's "JavaScript" counts) and gzip-compressed (about what travels).
//
//   npm run build && npm run bundle-size [-- --max <KB>]     (--max: exit 1 when the total is above)
//
// `npm run page-weight` measures the same in Chromium against a running stack (it adds nothing the
// home page loads later, such as a page the user opens).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url);

/**
 * What the home page imports on demand while it starts, as patterns of manifest keys (source paths).
 * `oneOf`: one of the matching chunks is loaded (the texts of the page's language): the largest counts.
 * `first`: needed before the first render (src/main.tsx waits for the texts); the others come after it.
 * `excluded`: shown for what it weighs, but not loaded by an anonymous visitor's home page, not counted.
 */
const onDemand = [
  { label: 'texts of the page language', pattern: /grandjour-texts\/\w+-main$/, oneOf: true, first: true },
  // Not on an anonymous visitor's home page: AuthProvider loads it at their login, or at start when a
  // session may exist (src/lib/auth/offline-session.ts, sessionMayExist). Listed, not counted.
  { label: 'Keycloak adapter, not loaded for an anonymous visitor (at login, or when a session may exist)', pattern: /node_modules\/keycloak-js\//, excluded: true },
  { label: 'service worker registration, after load', pattern: /virtual:pwa-register$|workbox-window/ },
];

const args = process.argv.slice(2);
const maxIndex = args.indexOf('--max');
const max = maxIndex >= 0 ? Number(args[maxIndex + 1]) : undefined;

let manifest;
try {
  manifest = JSON.parse(readFileSync(new URL('.vite/manifest.json', dist), 'utf8'));
} catch {
  console.error('No dist/.vite/manifest.json: run `npm run build` first.');
  process.exit(2);
}

const size = (file) => {
  const bytes = readFileSync(new URL(file, dist));
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};

/** A chunk and every chunk it imports statically, as manifest keys. */
function closure(key, into = new Set()) {
  if (into.has(key)) return into;
  into.add(key);
  for (const imported of manifest[key]?.imports ?? []) closure(imported, into);
  return into;
}

const rows = [];
const left = [];
const counted = new Set();
function count(keys, label, first, excluded = false) {
  for (const key of keys) {
    const file = manifest[key].file;
    if (counted.has(file) || !file.endsWith('.js')) continue;
    counted.add(file);
    (excluded ? left : rows).push({ file, label, first, ...size(file) });
  }
}

const entry = Object.keys(manifest).find((key) => manifest[key].isEntry && key.endsWith('index.html'));
count(closure(entry), 'index.html and its static imports', true);
for (const { label, pattern, oneOf, first = false, excluded = false } of onDemand) {
  const keys = Object.keys(manifest).filter((key) => pattern.test(key));
  if (keys.length === 0) continue;
  if (oneOf) {
    const largest = keys
      .map((key) => ({ key, raw: [...closure(key)].reduce((n, k) => n + size(manifest[k].file).raw, 0) }))
      .sort((a, b) => b.raw - a.raw)[0];
    count(closure(largest.key), `${label} (largest of ${keys.length}: ${largest.key.split('/').pop()})`, first);
  } else {
    for (const key of keys) count(closure(key), label, first, excluded);
  }
}

const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(7);
console.log(`${'KB'.padStart(7)} ${'gzip'.padStart(7)}  file (why the home page loads it)`);
for (const row of rows) console.log(`${kb(row.raw)} ${kb(row.gzip)}  ${row.file} (${row.label})`);
const sum = (list, key) => list.reduce((n, row) => n + row[key], 0);
const first = rows.filter((row) => row.first);
console.log(`${kb(sum(first, 'raw'))} ${kb(sum(first, 'gzip'))}  before the first render, ${first.length} files`);
const total = sum(rows, 'raw');
console.log(`${kb(total)} ${kb(sum(rows, 'gzip'))}  total JavaScript of the home page, ${rows.length} files`);
for (const row of left) console.log(`${kb(row.raw)} ${kb(row.gzip)}  (not counted) ${row.file} (${row.label})`);
if (max !== undefined && total / 1024 > max) {
  console.error(`Over the budget of ${max} KB.`);
  process.exit(1);
}
