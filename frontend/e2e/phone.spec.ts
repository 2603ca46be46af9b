import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { json, submitKeycloakLogin, tokenOf } from './support';

// Every route on a phone (390 × 844), in French and in English, logged out, as a resident and as an
// organiser: no horizontal scroll (the page is never wider than the screen) and no serious or
// critical axe finding (WCAG 2.1 A and AA rules).

const PHONE = { width: 390, height: 844 };
const LANGUAGES = ['fr', 'en'] as const;
type Language = (typeof LANGUAGES)[number];
const LANGUAGE_STORAGE_KEY = 'grandjour.language';
const ADMIN_TABS = ['territories', 'staff', 'attractions', 'editions', 'postcodes', 'audit'];

/** A phone-sized context whose pages speak `language` from the first paint (the SPA's saved choice). */
async function phone(browser: Browser, language: Language) {
  const context = await browser.newContext({
    viewport: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: language === 'fr' ? 'fr-FR' : 'en-GB',
  });
  await context.addInitScript(
    ([key, value]) => {
      try {
        localStorage.setItem(key, value);
      } catch {
        // storage disabled: the browser's language decides
      }
    },
    [LANGUAGE_STORAGE_KEY, language] as const,
  );
  return context;
}

/** The widest elements past the right edge, to say what overflows. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const offenders: string[] = [];
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.right > width + 1 && offenders.length < 8) {
        const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${
          typeof element.className === 'string' && element.className ? `.${element.className.trim().split(/\s+/).join('.')}` : ''
        }`;
        offenders.push(`${name} (right ${Math.round(box.right)} px)`);
      }
    }
    return {
      scrollWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
      innerWidth: width,
      offenders,
    };
  });
}

/** The page as it stands: fits the phone's width, and axe finds nothing serious or critical. */
async function check(page: Page, state: string, findings: string[]) {
  const fit = await overflow(page);
  if (fit.scrollWidth > fit.innerWidth) {
    findings.push(`${state}: ${fit.scrollWidth} px wide on a ${fit.innerWidth} px screen; past the edge: ${fit.offenders.join(', ')}`);
  }
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  for (const violation of axe.violations) {
    if (violation.impact === 'serious' || violation.impact === 'critical') {
      const targets = violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(' | ');
      findings.push(`${state}: axe ${violation.impact} ${violation.id} (${violation.help}) at ${targets}`);
    }
  }
}

/** Opens a path and waits for its main heading (and for the loading states to settle). */
async function open(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator('main h1').first()).toBeAttached({ timeout: 30_000 });
  await expect(page.locator('[aria-busy="true"], .loading')).toHaveCount(0, { timeout: 30_000 });
}

async function logIn(page: Page, username: string) {
  await page.goto('/account');
  await page.getByRole('main').getByRole('button', { name: /^(Log in|Se connecter)$/ }).click();
  await submitKeycloakLogin(page, username);
  await page.waitForURL((url) => url.pathname === '/account' && !url.hash.includes('code='));
  await expect(page.getByTestId('account-username')).toHaveText(username);
}

for (const language of LANGUAGES) {
  test.describe(`on a phone, in ${language === 'fr' ? 'French' : 'English'}`, () => {
    test.describe.configure({ timeout: 240_000 });

    test('every route, logged out, fits the screen and passes axe', async ({ browser }) => {
      const context = await phone(browser, language);
      const page = await context.newPage();
      const findings: string[] = [];
      for (const path of ['/', '/tickets', '/account', '/scan', '/dashboard', '/admin', '/no-such-page']) {
        await open(page, path);
        await check(page, `${language} logged out ${path}`, findings);
      }
      // The home page's first screen shows at least one offer.
      await open(page, '/');
      const firstOffer = page.getByRole('article').first();
      await expect(firstOffer).toBeVisible();
      const top = await firstOffer.evaluate((element) => element.getBoundingClientRect().top);
      expect.soft(top, 'the first offer starts on the first screen').toBeLessThan(PHONE.height);
      await context.close();
      expect(findings).toEqual([]);
    });

    test("a resident's routes fit the screen and pass axe", async ({ browser }) => {
      const context = await phone(browser, language);
      const page = await context.newPage();
      const findings: string[] = [];
      await logIn(page, 'resident');
      const tickets = await json<{ id: number }[]>('/api/me/tickets', await tokenOf('resident'));
      for (const path of ['/', '/tickets', '/account', ...tickets.slice(0, 2).map((ticket) => `/tickets/${ticket.id}`)]) {
        await open(page, path);
        await check(page, `${language} resident ${path}`, findings);
      }
      // A claim form open on the home page (the dialog-like state of a card).
      await open(page, '/');
      const claim = page.getByRole('button', { name: /^(Claim free entries|Réserver des entrées gratuites)/ }).first();
      if (await claim.isVisible()) {
        await claim.click();
        await check(page, `${language} resident / claim form open`, findings);
      }
      // The scanner, for a resident: not theirs, said so.
      await open(page, '/scan');
      await check(page, `${language} resident /scan`, findings);
      await context.close();
      expect(findings).toEqual([]);
    });

    test("an organiser's routes (dashboard, every admin tab, scanner) fit the screen and pass axe", async ({ browser }) => {
      const context = await phone(browser, language);
      const page = await context.newPage();
      const findings: string[] = [];
      await logIn(page, 'organiser');
      await open(page, '/dashboard');
      await check(page, `${language} organiser /dashboard`, findings);
      for (const tab of ADMIN_TABS) {
        await open(page, `/admin?tab=${tab}`);
        await check(page, `${language} organiser /admin?tab=${tab}`, findings);
      }
      // No camera in a headless browser: the typed code comes first, not an error.
      await page.goto('/scan');
      const pick = page.getByRole('button').filter({ has: page.locator('.attraction-picker__name') }).first();
      const field = page.getByLabel(/^(Ticket code or QR text|Code du billet ou texte du QR code)$/);
      await expect(pick.or(field)).toBeVisible({ timeout: 30_000 });
      await check(page, `${language} organiser /scan door picker`, findings);
      if (await pick.isVisible()) await pick.click();
      await expect(field).toBeVisible();
      await expect(page.getByTestId('camera-status')).not.toHaveText(/^(Starting|Démarrage)/, { timeout: 15_000 });
      await check(page, `${language} organiser /scan`, findings);
      await context.close();
      expect(findings).toEqual([]);
    });
  });
}
