#!/usr/bin/env node
// JavaScript loaded and layout shift of pages of a running SPA, in Chromium (Playwright), at phone
// (390×844) and desktop (1280×800) sizes: what Lighthouse's JS size and CLS say, without Lighthouse.
// Usage: [GJ_LOGIN=resident] node scripts/page-weight.mjs [base URL] [path...]   (default http://127.0.0.1:5173 /)
// With GJ_LOGIN, logs in first on the real Keycloak page (demo users: password = username).
import { chromium } from '@playwright/test';

const [base = 'http://127.0.0.1:5173', ...paths] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  for (const path of paths.length ? paths : ['/']) {
    for (const [label, viewport] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 800 }]]) {
      const context = await browser.newContext({ viewport, locale: 'en-GB', serviceWorkers: 'block' });
      const page = await context.newPage();
      if (process.env.GJ_LOGIN) {
        await page.goto(base + '/');
        await page.getByRole('banner').getByRole('button', { name: /^(Log in|Se connecter)$/ }).click();
        await page.locator('#username').fill(process.env.GJ_LOGIN);
        await page.locator('#password').fill(process.env.GJ_LOGIN);
        await page.locator('#kc-login').click();
        await page.waitForURL((url) => url.origin === base && !url.hash.includes('code='));
        await page.getByRole('banner').getByText(process.env.GJ_LOGIN).waitFor();
      }
      await page.addInitScript(() => {
        window.__shifts = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            if (e.hadRecentInput) continue;
            window.__shifts.push({
              value: e.value,
              at: Math.round(e.startTime),
              nodes: (e.sources ?? [])
                .map((s) => `${s.node?.className || s.node?.nodeName || '?'} ${s.previousRect.y}->${s.currentRect.y}`)
                .slice(0, 4),
            });
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(base + path, { waitUntil: 'load' });
      await page.waitForTimeout(5000);
      const result = await page.evaluate(() => {
        const scripts = performance.getEntriesByType('resource').filter((r) => r.initiatorType === 'script' || r.name.endsWith('.js'));
        return {
          jsDecoded: scripts.reduce((n, r) => n + r.decodedBodySize, 0),
          jsTransferred: scripts.reduce((n, r) => n + r.transferSize, 0),
          jsFiles: scripts.map((r) => `${new URL(r.name).pathname} ${r.decodedBodySize}`),
          cls: window.__shifts.reduce((n, s) => n + s.value, 0),
          shifts: window.__shifts,
        };
      });
      console.log(
        `${path} ${label}: JS ${Math.round(result.jsDecoded / 1024)} KB uncompressed, ${Math.round(result.jsTransferred / 1024)} KB transferred; CLS ${result.cls.toFixed(3)}`,
      );
      for (const f of result.jsFiles) console.log(`    ${f}`);
      for (const s of result.shifts) console.log(`    shift ${s.value.toFixed(3)} at ${s.at} ms: ${s.nodes.join(', ')}`);
      await context.close();
    }
  }
} finally {
  await browser.close();
}
