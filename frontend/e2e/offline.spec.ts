import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { api, BASE_URL, json, logInFromAccountPage, parisToday, submitKeycloakLogin, tokenOf } from './support';

// The app on a phone without network, in Chromium's offline mode: the service worker brings the app
// back on a reload, a resident's ticket opens from the copy kept on the device (and goes on logout),
// and the door scanner starts from its stored door list and session, queues a scan, and syncs it to
// the server when the network is back.

type Attraction = { id: number; name: { en: string } };
type Offer = { id: number; day: string; remaining: number; attraction: { id: number; name: { en: string } } };
type Ticket = { id: number; code: string };
type DoorList = { tickets: { ticketId: number; personsAdmitted: number }[] };

const currentEdition = async () =>
  (await json<{ id: number; current: boolean }[]>('/api/editions')).find((e) => e.current)!;

/** Claims `partySize` places at the first offer of `offers` the resident may still claim. */
async function claimOne(username: string, offers: Offer[], partySize: number): Promise<{ ticket: Ticket; offer: Offer }> {
  const token = await tokenOf(username);
  for (const offer of offers.filter((o) => o.remaining >= partySize)) {
    const response = await api('/api/tickets', token, {
      method: 'POST',
      headers: { 'Idempotency-Key': randomUUID() },
      body: JSON.stringify({ offerId: offer.id, partySize }),
    });
    if (response.status === 409 || response.status === 422) continue;
    expect(response.ok, `claim by ${username}: ${response.status} ${await response.clone().text()}`).toBe(true);
    return { ticket: (await response.json()) as Ticket, offer };
  }
  throw new Error(`${username} could claim nothing`);
}

/** The service worker controls the page: its precache (the app shell) is complete. */
async function waitForServiceWorker(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 30_000 });
}

const offlineCopies = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('grandjour-offline-copies');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('copies')) return resolve(0);
          const count = db.transaction('copies').objectStore('copies').count();
          count.onsuccess = () => {
            resolve(count.result);
            db.close();
          };
        };
      }),
  );

test.use({ viewport: { width: 390, height: 844 } });

test('a ticket seen once opens offline after a reload, said to be an offline copy, and goes on logout', async ({ page, context }) => {
  test.setTimeout(120_000);
  const edition = await currentEdition();
  const offers = await json<Offer[]>(`/api/editions/${edition.id}/offers`);
  const { ticket, offer } = await claimOne('resident', offers, 1);

  await page.goto('/');
  await logInFromAccountPage(page, 'resident');
  await waitForServiceWorker(page);
  // Seen once online: the list, then the ticket with its QR code.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My tickets' }).click();
  await expect(page.getByTestId('tickets-count')).toBeVisible();
  await page.goto(`/tickets/${ticket.id}`);
  await expect(page.getByTestId('ticket-code')).toHaveText(ticket.code);
  await expect(page.getByTestId('ticket-qr')).toHaveJSProperty('complete', true);
  await expect.poll(() => offlineCopies(page)).toBeGreaterThan(1);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('offline-banner')).toContainText('You are offline.');
  await expect(page.getByRole('heading', { level: 1, name: offer.attraction.name.en })).toBeVisible();
  await expect(page.getByTestId('offline-copy')).toContainText('Offline copy, saved on this phone on');
  await expect(page.getByTestId('ticket-code')).toHaveText(ticket.code);
  const qr = page.getByTestId('ticket-qr');
  await expect(qr).toBeVisible();
  await expect.poll(() => qr.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(100);
  // No action that needs the server.
  await expect(page.getByRole('button', { name: 'Cancel this ticket' })).toHaveCount(0);

  // The list too, from its copy.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My tickets' }).click();
  await expect(page.getByTestId('offline-copy')).toContainText('Offline copy of your tickets');
  await expect(page.getByRole('link', { name: offer.attraction.name.en }).first()).toBeVisible();

  // Logging out (offline: on this device) wipes the copies: the ticket no longer opens.
  await page.getByRole('banner').getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('banner').getByRole('button', { name: 'Log in' })).toBeDisabled();
  await expect.poll(() => offlineCopies(page)).toBe(0);
  await page.goto(`/tickets/${ticket.id}`);
  await expect(page.getByText('You are offline: log in once the network is back.')).toBeVisible();
  await expect(page.getByTestId('ticket-code')).toHaveCount(0);
  await context.setOffline(false);
});

test('the door scanner starts offline after a reload, queues a scan, and syncs it when the network is back', async ({ page, context }) => {
  test.setTimeout(150_000);
  const today = parisToday();
  const staffToken = await tokenOf('staff');
  const doors = await json<Attraction[]>('/api/me/attractions', staffToken);
  const edition = await currentEdition();
  const offers = (await json<Offer[]>(`/api/editions/${edition.id}/offers?day=${today}`)).filter(
    (o) => o.day === today && doors.some((d) => d.id === o.attraction.id),
  );
  // A party of 2 at one of the staff member's doors today, claimed before the door list is fetched.
  const { ticket, offer } = await claimOne('resident-kent', offers, 2);
  const door = doors.find((d) => d.id === offer.attraction.id)!;

  await page.goto('/');
  await page.getByRole('banner').getByRole('button', { name: 'Log in' }).click();
  await submitKeycloakLogin(page, 'staff');
  await page.waitForURL((url) => url.origin === new URL(BASE_URL).origin && !url.hash.includes('code='));
  await expect(page.getByRole('banner')).toContainText('staff');
  await waitForServiceWorker(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Door scanner' }).click();
  if (doors.length > 1) {
    await page.getByRole('button', { name: new RegExp(`^${door.name.en.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click();
  }
  await expect(page.getByTestId('scanner-door')).toHaveText(door.name.en);
  await expect(page.getByText(/Door list checked at \d\d:\d\d/)).toBeVisible();

  // Offline, reloaded: the app comes from the service worker, the session and door from the device.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('offline-banner')).toContainText('The door scanner works from the door list stored on this phone');
  await expect(page.getByText('Login is unavailable at the moment.')).toHaveCount(0);
  await expect(page.getByTestId('scanner-door')).toHaveText(door.name.en);
  await expect(page.getByTestId('sync-status')).toHaveText('Offline: 0 scans waiting');

  await page.getByLabel('Ticket code or QR text').fill(ticket.code);
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'ADMITTED');
  await expect(verdict).toHaveAttribute('data-offline', 'true');
  await expect(page.getByTestId('sync-status')).toHaveText('Offline: 1 scan waiting');

  // Back online: Keycloak confirms the session, the queued scan reaches the server.
  await context.setOffline(false);
  await expect(page.getByTestId('sync-status')).toHaveText('Online · 0 to sync', { timeout: 30_000 });
  await expect(page.getByTestId('offline-banner')).toHaveCount(0);
  await expect(page.getByTestId('sync-conflicts')).toHaveCount(0);
  const list = await json<DoorList>(`/api/attractions/${door.id}/door-list?day=${today}`, await tokenOf('staff'));
  expect(list.tickets.find((t) => t.ticketId === ticket.id)?.personsAdmitted).toBe(2);
});
