#!/usr/bin/env node
// Lighthouse (mobile, its default throttling) on the home page and on a resident's ticket page of a
// running stack (SPA + backend + Keycloak), printing performance, accessibility, best practices,
// layout shift and the JavaScript loaded (uncompressed and transferred).
//
//   npm run lighthouse -- [SPA base URL]        (default http://127.0.0.1:5173)
//
// The ticket page needs a login: Chromium (Debian's, CHROMIUM_PATH) is started with a profile of its
// own and a DevTools port; Playwright connects to it and logs in as `resident` on the real Keycloak
// page (a ticket of theirs is claimed if they hold none); Lighthouse then runs in that same browser
// (`--port`, `--disable-storage-reset` so the Keycloak session survives). Lighthouse 12.2.3 is the
// last that runs on Node 20 (13 wants Node 22); npx fetches it on first use.
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { logIn } from './login.mjs';

const base = (process.argv[2] ?? 'http://127.0.0.1:5173').replace(/\/$/, '');
const keycloak = process.env.E2E_KEYCLOAK_URL ?? 'http://127.0.0.1:8180';
const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.LIGHTHOUSE_CDP_PORT ?? 9333);
const user = 'resident';

async function tokenOf(username) {
  const response = await fetch(`${keycloak}/realms/grandjour/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: 'grandjour-cli', username, password: username }),
  });
  if (!response.ok) throw new Error(`token of ${username}: ${response.status}`);
  return (await response.json()).access_token;
}

/** One of the resident's valid tickets: the first held, else one claimed now. */
async function aTicket() {
  const token = await tokenOf(user);
  const headers = { Authorization: `Bearer ${token}` };
  const tickets = await (await fetch(`${base}/api/me/tickets`, { headers })).json();
  const held = tickets.find((t) => t.status === 'ACTIVE');
  if (held) return held.id;
  const editions = await (await fetch(`${base}/api/editions`)).json();
  const edition = editions.find((e) => e.current);
  const offers = await (await fetch(`${base}/api/editions/${edition.id}/offers`)).json();
  for (const offer of offers.filter((o) => o.remaining > 0)) {
    const claimed = await fetch(`${base}/api/tickets`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
      body: JSON.stringify({ offerId: offer.id, partySize: 1 }),
    });
    if (claimed.ok) return (await claimed.json()).id;
  }
  throw new Error(`${user} holds no ticket and could claim none`);
}

function lighthouse(url, out) {
  execFileSync(
    'npx',
    [
      '--yes', 'lighthouse@12.2.3', url,
      `--port=${port}`, '--disable-storage-reset',
      '--only-categories=performance,accessibility,best-practices',
      '--output=json', `--output-path=${out}`, '--quiet',
      // LIGHTHOUSE_TRACES=1: also the Chromium trace of each run, beside its report (what blocked the page).
      ...(process.env.LIGHTHOUSE_TRACES ? ['--save-assets'] : []),
    ],
    { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CHROME_PATH: chromePath }, timeout: 300_000 },
  );
  const report = JSON.parse(readFileSync(out, 'utf8'));
  const score = (id) => Math.round(report.categories[id].score * 100);
  const scripts = report.audits['network-requests'].details.items.filter((r) => r.resourceType === 'Script');
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    cls: report.audits['cumulative-layout-shift'].numericValue,
    tbt: report.audits['total-blocking-time'].numericValue,
    lcp: report.audits['largest-contentful-paint'].numericValue,
    jsKb: scripts.reduce((n, r) => n + (r.resourceSize ?? 0), 0) / 1024,
    jsTransferredKb: scripts.reduce((n, r) => n + (r.transferSize ?? 0), 0) / 1024,
    failed: Object.values(report.audits)
      .filter((a) => a.score !== null && a.score < 1 && ['binary', 'numeric'].includes(a.scoreDisplayMode) && a.details?.type !== 'opportunity')
      .map((a) => a.id),
  };
}

const profile = mkdtempSync(join(tmpdir(), 'gj-lighthouse-'));
// The full reports stay (JSON, open them in https://googlechrome.github.io/lighthouse/viewer/).
const reports = mkdtempSync(join(tmpdir(), 'gj-lighthouse-reports-'));
const chrome = spawn(
  chromePath,
  [
    '--headless', `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, '--no-sandbox', '--disable-gpu',
    '--no-first-run', '--disable-background-networking', '--disable-sync', 'about:blank',
  ],
  { stdio: 'ignore' },
);
try {
  let browser;
  for (let i = 0; !browser; i++) {
    browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`).catch((e) => {
      if (i > 50) throw e;
      return new Promise((r) => setTimeout(r, 200));
    });
  }
  const context = browser.contexts()[0];
  const ticketId = await aTicket();
  const page = await context.newPage();
  await logIn(page, base, user);
  // The app's service worker installed and done precaching (the whole app, for offline use, 0.5 MB):
  // measured is a resident coming back, not the seconds of their first visit when the worker copies
  // every file (on this device's CPU, beside the page).
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForTimeout(Number(process.env.LIGHTHOUSE_SETTLE_MS ?? 3000));
  await page.close();
  await browser.close(); // disconnects; Chromium and its session stay for Lighthouse

  const rows = [];
  for (const [name, path] of [['home', '/'], ['ticket', `/tickets/${ticketId}`]]) {
    const r = lighthouse(`${base}${path}`, join(reports, `${name}.json`));
    rows.push({ page: `${name} (${path})`, ...r });
  }
  console.log(`Lighthouse 12.2.3, mobile (simulated throttling), logged in as resident; reports in ${reports}:`);
  for (const r of rows) {
    console.log(
      `${r.page}: performance ${r.performance}, accessibility ${r.accessibility}, best practices ${r.bestPractices}, ` +
        `CLS ${r.cls.toFixed(3)}, TBT ${Math.round(r.tbt)} ms, LCP ${(r.lcp / 1000).toFixed(1)} s, ` +
        `JS ${Math.round(r.jsKb)} KB uncompressed (${Math.round(r.jsTransferredKb)} KB transferred)` +
        (r.failed.length ? `\n    audits not passed: ${r.failed.join(', ')}` : ''),
    );
  }
} finally {
  chrome.kill();
  await new Promise((r) => setTimeout(r, 500));
  rmSync(profile, { recursive: true, force: true });
}
