import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { api, createResident, json, keycloakAdminToken, mails, submitKeycloakLogin, tokenOf, type Mail } from './support';

// Issue 14: a holder who cannot come releases from the reminder mail's link (no login); the first
// resident on the waiting list gets the ticket at once, and a mail saying so. Own data: a new
// attraction, a new offer of 2 places, two new residents (created in Keycloak), so no other spec is
// disturbed. The reminder is real: the e2e backend runs its reminder job every 3 s; the ticket is made
// to look claimed two months ago (so a reminder is due) by the one SQL update below.

const DB = process.env.E2E_DB_NAME ?? 'grandjour_e2e';
const run = Date.now().toString(36);

type Edition = { id: number; current: boolean; lastDay: string };

/** The first mail whose subject matches, waiting for it (generously: a loaded 2-core machine). */
async function awaitMail(address: string, subject: RegExp): Promise<Mail> {
  let found: Mail | undefined;
  await expect
    .poll(async () => (found = (await mails(address)).find((m) => subject.test(m.subject))), { timeout: 90_000 })
    .toBeTruthy();
  return found!;
}

/** The links of a mail's text (quoted-printable soft line breaks undone). */
function links(mail: Mail): string[] {
  const text = mail.mimeMessage.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  return [...text.matchAll(/https?:\/\/[^\s]+\/links\/[A-Za-z0-9_-]{43}/g)].map((m) => m[0]);
}

test('a release from the reminder mail goes at once to the first resident waiting, who is told by mail', async ({ page }) => {
  test.setTimeout(240_000);
  const organiser = await tokenOf('organiser');
  const live = (await json<Edition[]>('/api/editions')).find((e) => e.current)!;
  const attraction = await (
    await api('/api/admin/attractions', organiser, {
      method: 'POST',
      body: JSON.stringify({
        slug: `e2e-waitlist-${run}`,
        territory: 'FR-62',
        category: 'MUSEUM',
        nameFr: `Musée de la liste ${run}`,
        nameEn: `Waiting-list museum ${run}`,
        address: '1 rue de la Gare',
        town: 'Lens',
        postcode: '62300',
        active: true,
      }),
    })
  ).json();
  const offerResponse = await api(`/api/admin/editions/${live.id}/offers`, organiser, {
    method: 'POST',
    body: JSON.stringify({ attractionId: attraction.id, day: live.lastDay, capacity: 2 }),
  });
  expect(offerResponse.status).toBe(201);
  const offer = (await offerResponse.json()) as { id: number };

  const admin = await keycloakAdminToken();
  const holderEmail = await createResident(admin, `e2e-holder-${run}`);
  const waiterEmail = await createResident(admin, `e2e-waiter-${run}`);
  const holder = await tokenOf(`e2e-holder-${run}`);
  const waiter = await tokenOf(`e2e-waiter-${run}`);

  const claimed = await api('/api/tickets', holder, { method: 'POST', body: JSON.stringify({ offerId: offer.id, partySize: 2 }) });
  expect(claimed.status).toBe(201);
  const ticket = (await claimed.json()) as { id: number };
  const joined = await api(`/api/offers/${offer.id}/waitlist`, waiter, { method: 'POST', body: JSON.stringify({ partySize: 2 }) });
  expect(joined.status).toBe(201);
  expect(((await joined.json()) as { position: number }).position).toBe(1);

  // claimed two months ago, as far as the reminders know: one is due now
  execFileSync('psql', ['-d', DB, '-c', `update ticket set created_at = now() - interval '60 days' where id = ${ticket.id}`]);
  const reminder = await awaitMail(holderEmail, /still coming|venez toujours/);
  const [confirmLink, releaseLink] = links(reminder);
  expect(confirmLink).toBeTruthy();
  expect(releaseLink).toBeTruthy();

  // the link works without logging in; opening it does nothing, the button does
  await page.goto(releaseLink!);
  await expect(page.getByRole('heading', { level: 1, name: "Can't come after all?" })).toBeVisible();
  await expect(page.getByText(`Waiting-list museum ${run}`)).toBeVisible();
  await page.getByRole('button', { name: 'Release my ticket' }).click();
  await expect(page.getByText(/Your ticket is released/)).toBeVisible();

  // the waiting resident holds the ticket already, and is told
  const entries = await json<{ status: string; ticketId: number | null }[]>('/api/me/waitlist', waiter);
  expect(entries[0]?.status).toBe('SERVED');
  const served = await json<{ status: string; partySize: number }>(`/api/tickets/${entries[0]!.ticketId}`, waiter);
  expect(served).toMatchObject({ status: 'ACTIVE', partySize: 2 });
  await awaitMail(waiterEmail, /a place came free|une place s.est libérée/);

  // the link was single-use: opened again it tells what it did, and using it again is refused
  await page.reload();
  await expect(page.getByText(/Your ticket is released/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Release my ticket' })).toHaveCount(0);
  const token = releaseLink!.split('/links/')[1];
  expect((await api(`/api/ticket-links/${token}`, undefined, { method: 'POST' })).status).toBe(410);

  // the organisers see it: 2 persons released, 2 refilled from the list, nobody left waiting
  await page.goto('/dashboard');
  await page.getByRole('main').getByRole('button', { name: 'Log in' }).click();
  await submitKeycloakLogin(page, 'organiser');
  await page.waitForURL((url) => url.pathname === '/dashboard' && !url.hash.includes('code='));
  const row = page.getByTestId('waitlists-table').getByRole('row', { name: new RegExp(`Waiting-list museum ${run}`) });
  // waiting parties, persons, released, refilled, confirmed, unconfirmed, walk-ups, then the refill time
  // measured in the server (median, longest)
  await expect(row.getByRole('cell')).toHaveText(['0', '0', '2', '2', '0', '1', '0', /^\d+ ms, \d+ ms$/]);
});
