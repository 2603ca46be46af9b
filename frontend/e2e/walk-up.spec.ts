import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { api, BASE_URL, json, parisToday, submitKeycloakLogin, tokenOf } from './support';

// Issue 14: near closing time, the door gives the places still free today to residents without a
// ticket, their postcode checked; the figures count them. Own data: a new attraction and a new edition
// of today only (its claim window over, so the live edition stays the current one), whose walk-up time
// is the whole day, with an offer of 3 places. The organiser scans at any door.

const run = Date.now().toString(36);

type Created = { id: number };
type Stats = { waitlists: { offerId: number; walkUpPersons: number }[]; overall: { admitted: number } };

async function created<T = Created>(path: string, token: string, body: unknown): Promise<T> {
  const response = await api(path, token, { method: 'POST', body: JSON.stringify(body) });
  expect(response.status, `POST ${path}: ${await response.clone().text()}`).toBe(201);
  return (await response.json()) as T;
}

async function logIn(page: Page, username: string) {
  await page.getByRole('banner').getByRole('button', { name: 'Log in' }).click();
  await submitKeycloakLogin(page, username);
  await page.waitForURL((url) => url.origin === new URL(BASE_URL).origin && !url.hash.includes('code='));
  await expect(page.getByRole('banner')).toContainText(username);
}

test('at closing time the door admits a resident without a ticket on a free place, refuses an outsider, and the figures count it', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const organiser = await tokenOf('organiser');
  const today = parisToday();
  const name = `Walk-up park ${run}`;
  const attraction = await created('/api/admin/attractions', organiser, {
    slug: `e2e-walk-up-${run}`,
    territory: 'FR-62',
    category: 'NATURE',
    nameFr: `Parc sur place ${run}`,
    nameEn: name,
    address: '1 rue du Parc',
    town: 'Lens',
    postcode: '62300',
    active: true,
  });
  const edition = await created('/api/admin/editions', organiser, {
    slug: `e2e-walk-up-${run}`,
    name: `Entrées sur place ${run}`,
    nameEn: `Walk-ups ${run}`,
    timeZone: 'Europe/Paris',
    firstDay: today,
    lastDay: today,
    claimOpensAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
    claimClosesAt: new Date(Date.now() - 3_600_000).toISOString(),
    maxTicketsPerResident: 4,
    maxPartySize: 6,
    territories: ['FR-62', 'GB-KEN'],
    walkUpMinutes: 1440,
  });
  const offer = await created(`/api/admin/editions/${edition.id}/offers`, organiser, {
    attractionId: attraction.id,
    day: today,
    capacity: 3,
    opensAt: '00:00:00',
    closesAt: '23:59:00',
  });

  const context = await browser.newContext({ baseURL: BASE_URL, locale: 'en-GB', timezoneId: 'Europe/Paris', viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto('/');
  await logIn(page, 'organiser');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Door scanner' }).click();
  await expect(page).toHaveURL(/\/scan$/);
  await page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
  await expect(page.getByTestId('scanner-door')).toHaveText(name);

  const card = page.getByTestId('walk-up-panel');
  await expect(card).toContainText('3 places free today for residents without a ticket');
  const axe = await new AxeBuilder({ page }).include('[data-testid="walk-up-panel"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // someone from Paris is refused, with the reason
  await card.getByLabel('Their postcode').fill('75001');
  await card.getByRole('button', { name: 'Admit 1 person' }).click();
  await expect(card.getByRole('alert')).toContainText("Not admitted: this postcode is not in the edition's territories.");

  // a family of two from Lens comes in
  await card.getByRole('button', { name: 'One person more' }).click();
  await card.getByLabel('Their postcode').fill('62300');
  await card.getByRole('button', { name: 'Admit 2 persons' }).click();
  await expect(card.getByTestId('walk-up-admitted')).toHaveText('Admitted: 2 persons (FR-62). Places left: 1.');
  await expect(card).toContainText('1 place free today');

  // the dashboard's figures count them as admitted walk-ups
  const stats = await json<Stats>(`/api/editions/${edition.id}/stats`, organiser);
  expect(stats.waitlists.find((w) => w.offerId === offer.id)?.walkUpPersons).toBe(2);
  expect(stats.overall.admitted).toBe(2);
  await context.close();
});
