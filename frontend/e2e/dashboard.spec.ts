import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { api, json, parisToday, submitKeycloakLogin, tokenOf } from './support';

// The organisers' dashboard against the demo stack: Grand Jour 2010 as replayed (20,000 entries
// offered, about 69 % used), then the live edition, where a scan made through the API (as door
// staff) shows on the page without a reload; the CSV export; and a capacity set below what is booked.

// `resident` first; resident-kent if `resident` has no ticket left (4 per edition; scan.spec.ts and
// claim.spec.ts use them too, and a scanned ticket cannot be cancelled).
const RESIDENTS = ['resident', 'resident-kent'];

type Edition = { id: number; slug: string; name: string; current: boolean };
type Attraction = { id: number; name: { en: string } };
type Offer = { id: number; day: string; remaining: number; attraction: Attraction };
type Ticket = { id: number; qrPayload: string; status: string; offer: { id: number } };





const count = (n: number) => new Intl.NumberFormat('en-GB').format(n);
const number = (text: string | null) => Number((text ?? '').replace(/[^\d.]/g, ''));

/**
 * A fresh ticket (party of 2) today at one of the staff member's doors, claimed by a resident who
 * holds none for that offer yet.
 */
async function claimAtStaffDoor(edition: Edition, today: string): Promise<{ ticket: Ticket; offer: Offer; holder: string }> {
  const doors = await json<Attraction[]>('/api/me/attractions', await tokenOf('staff'));
  expect(doors.length, 'the staff member scans at some attraction').toBeGreaterThan(0);
  const offers = (await json<Offer[]>(`/api/editions/${edition.id}/offers?day=${today}`)).filter(
    (o) => o.day === today && o.remaining >= 2 && doors.some((d) => d.id === o.attraction.id),
  );
  for (const holder of RESIDENTS) {
    const token = await tokenOf(holder);
    const held = new Set(
      (await json<Ticket[]>('/api/me/tickets', token)).filter((t) => t.status === 'ACTIVE').map((t) => t.offer.id),
    );
    for (const offer of offers.filter((o) => !held.has(o.id))) {
      const response = await api('/api/tickets', token, {
        method: 'POST',
        headers: { 'Idempotency-Key': randomUUID() },
        body: JSON.stringify({ offerId: offer.id, partySize: 2 }),
      });
      if (response.status === 409) break; // this resident's limit: try the next one
      expect(response.ok, `claim by ${holder}: ${response.status} ${await response.clone().text()}`).toBe(true);
      return { ticket: (await response.json()) as Ticket, offer, holder };
    }
  }
  throw new Error('No resident can claim at a door of the staff member today');
}

async function logInAsOrganiser(page: Page) {
  await page.getByRole('main').getByRole('button', { name: 'Log in' }).click();
  await submitKeycloakLogin(page, 'organiser');
  await page.waitForURL((url) => url.pathname === '/dashboard' && !url.hash.includes('code='));
  await expect(page.getByRole('banner')).toContainText('organiser');
}

test('an organiser follows 2010 and the live edition, sees a scan arrive live, exports CSV and cannot cut capacity below bookings', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const today = parisToday();
  const editions = await json<Edition[]>('/api/editions');
  const current = editions.find((e) => e.current)!;
  const edition2010 = editions.find((e) => e.slug === 'grand-jour-2010')!;
  expect(edition2010, 'the demo has Grand Jour 2010').toBeDefined();

  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await logInAsOrganiser(page);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' })).toHaveAttribute(
    'aria-current',
    'page',
  );

  // Grand Jour 2010: every entry handed out, about 70 % used.
  const editionSelect = page.getByLabel('Edition', { exact: true });
  await expect(editionSelect).toHaveValue(current.slug);
  await editionSelect.selectOption({ label: 'Grand Jour 2010' });
  await expect(page).toHaveURL(/[?&]edition=grand-jour-2010\b/);
  await expect(page.getByTestId('figure-offered')).toHaveText('20,000');
  await expect(page.getByTestId('figure-booked')).toHaveText('20,000');
  const rate = number(await page.getByTestId('figure-redemption-rate').textContent());
  expect(rate).toBeGreaterThanOrEqual(65);
  expect(rate).toBeLessThanOrEqual(75);
  await expect(page.getByTestId('headline')).toHaveAttribute('aria-live', 'polite');
  await expect(page.getByRole('img', { name: /^Persons offered, booked and admitted per attraction/ })).toBeVisible();
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-status', 'live');

  // Beside it, the same weekend replayed with Grand Jour's tools (its twin): more of the entries used.
  const comparison = page.getByTestId('comparison-table');
  await expect(comparison.getByRole('columnheader')).toHaveText(['Figure', 'Grand Jour 2010', "Grand Jour 2010 · with Grand Jour's tools"]);
  const used = (await comparison.getByRole('row', { name: /Entries used ÷ entries offered/ }).getByRole('cell').allTextContents()).map(number);
  expect(used[0]).toBeGreaterThanOrEqual(65);
  expect(used[1]).toBeGreaterThan(used[0]);

  // The live edition, today only.
  await editionSelect.selectOption(current.slug);
  await page.getByLabel('Day', { exact: true }).selectOption(today);
  await expect(page).toHaveURL(new RegExp(`edition=${current.slug}.*day=${today}`));
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-status', 'live');
  const admitted = page.getByTestId('figure-admitted');
  await expect(admitted).toHaveText(/^\d[\d,]*$/);

  // A claim and a scan, through the API: the figures move on the page, without a reload.
  const { ticket, offer } = await claimAtStaffDoor(current, today);
  const row = page.locator(`tr[data-offer="${offer.id}"]`);
  await expect(row.locator('td[data-column="booked"]')).not.toHaveText('0');
  const before = number(await admitted.textContent());
  const scan = await api('/api/scans', await tokenOf('staff'), {
    method: 'POST',
    body: JSON.stringify({
      code: ticket.qrPayload,
      attractionId: offer.attraction.id,
      deviceId: 'e2e',
      scanId: randomUUID(),
      scannedAt: new Date().toISOString(),
    }),
  });
  expect(scan.ok, `scan: ${scan.status}`).toBe(true);
  expect(((await scan.json()) as { verdict: string }).verdict).toBe('ADMITTED');
  await expect(admitted).toHaveText(count(before + 2), { timeout: 5_000 });
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-status', 'live');

  // The figures per attraction and day, as CSV.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the figures per attraction and day (CSV)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`grand-jour-${current.id}-stats.csv`);
  const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
  expect(csv.split(/\r?\n/)[0]).toBe(
    'attraction,name_fr,name_en,territory,day,offered,booked,tickets,cancelled,admitted,no_shows,claim_rate,redemption_rate,' +
      'waiting_parties,waiting_persons,released_persons,refilled_persons,confirmed_tickets,unconfirmed_tickets,walk_up_persons,' +
      'door_full_scans,refill_ms_median,expected_no_shows',
  );

  // A capacity below what is booked: refused, with the server's reason next to the field.
  const booked = number(await row.locator('td[data-column="booked"]').textContent());
  expect(booked).toBeGreaterThanOrEqual(2);
  const capacity = row.getByRole('spinbutton', { name: /^Capacity of / });
  const original = await capacity.inputValue();
  await capacity.fill(String(booked - 1));
  await row.getByRole('button', { name: /^Save the capacity of / }).click();
  const alert = row.getByRole('alert');
  await expect(alert).toContainText('The capacity cannot go below what is already booked.');
  await expect(alert).toContainText(`the capacity cannot go below ${booked}.`);
  await expect(capacity).toHaveValue(String(booked - 1));
  await expect(capacity).toHaveAttribute('aria-invalid', 'true');
  await expect(row.locator('td[data-column="offered"]')).toBeVisible();
  expect(Number(original)).toBeGreaterThanOrEqual(booked);
});
