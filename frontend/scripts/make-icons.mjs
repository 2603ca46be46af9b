// Draws the app's PNG icons (192, 512, and a 512 maskable one with the mark inside the safe zone) from
// the same design as public/favicon.svg, in Debian's Chromium: no image library to install. The PNGs
// are committed in public/icons; run again after a change of the mark: `node scripts/make-icons.mjs`.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const out = fileURLToPath(new URL('../public/icons/', import.meta.url));
mkdirSync(out, { recursive: true });

/** The mark: "GJ" in white on the app's blue; `maskable` fills the square and keeps the letters in the middle 60 %. */
const svg = (size, maskable) => `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 32 32">
  <rect width="32" height="32" rx="${maskable ? 0 : 6}" fill="#0b4f6c"/>
  <text x="16" y="${maskable ? 20.2 : 22}" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-size="${maskable ? 11 : 16}"
    font-weight="700" text-anchor="middle" fill="#fff">GJ</text></svg>`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
try {
  for (const [name, size, maskable] of [
    ['icon-192.png', 192, false],
    ['icon-512.png', 512, false],
    ['icon-maskable-512.png', 512, true],
  ]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg(size, maskable)}</body></html>`);
    await page.locator('svg').screenshot({ path: `${out}${name}`, omitBackground: true });
    await page.close();
    console.log(`${out}${name}`);
  }
} finally {
  await browser.close();
}
