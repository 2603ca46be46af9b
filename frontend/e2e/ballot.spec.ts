import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { api, createResident, keycloakAdminToken, logInFromAccountPage, mails, submitKeycloakLogin, tokenOf, type Mail } from './support';

// Issue 13: a resident applies with three ranked choices (reordered with the keyboard), the window
// closes, the organiser draws through the Ballot tab with its confirmation, and the resident sees the
// ticket and gets the result by mail. Own data: three new attractions, a new ballot edition whose
// window closes two minutes after it is made, a new resident. The edition is the site's current one
// only while the spec runs (its claim window closes first); at the end its claim window is moved to
// the past, so the demo's live edition is current again for the other specs.

const run = Date.now().toString(36);
const WINDOW_MS = 120_000;

/** axe finds nothing serious or critical on the page as it stands. */
async function accessible(page: Page, state: string) {
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${state}: ${v.id} (${v.help}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(serious).toEqual([]);
}

async function attraction(organiser: string, n: number): Promise<{ id: number; name: string }> {
  const name = `Ballot place ${n} ${run}`;
  const response = await api('/api/admin/attractions', organiser, {
    method: 'POST',
    body: JSON.stringify({
      slug: `e2e-ballot-${run}-${n}`,
      territory: 'FR-62',
      category: 'MUSEUM',
      nameFr: `Lieu du tirage ${n} ${run}`,
      nameEn: name,
      address: '1 rue du Tirage',
      town: 'Lens',
      postcode: '62300',
      active: true,
    }),
  });
  expect(response.status).toBe(201);
  return { id: ((await response.json()) as { id: number }).id, name };
}

test('a resident applies with three ranked choices, the organiser draws, the resident gets the ticket and the mail', async ({
  page,
  browser,
}) => {
  test.setTimeout(360_000);
  const organiser = await tokenOf('organiser');
  const places = [await attraction(organiser, 1), await attraction(organiser, 2), await attraction(organiser, 3)];
  const now = Date.now();
  const day = new Date(now + 10 * 86_400_000).toISOString().slice(0, 10);
  const closes = new Date(now + WINDOW_MS);
  const edition: Record<string, unknown> = {
    slug: `e2e-ballot-${run}`,
    name: `Ballot e2e ${run}`,
    timeZone: 'Europe/Paris',
    firstDay: day,
    lastDay: day,
    claimOpensAt: new Date(now - 3_600_000).toISOString(),
    // closes before the live edition's claims: this edition is the site's current one meanwhile
    claimClosesAt: new Date(now + 30 * 60_000).toISOString(),
    maxTicketsPerResident: 4,
    maxPartySize: 6,
    territories: ['FR-62'],
    allocationMode: 'BALLOT',
    applicationOpensAt: new Date(now - 60_000).toISOString(),
    applicationClosesAt: closes.toISOString(),
    drawAt: closes.toISOString(),
    maxChoices: 5,
    publicValueSource: 'the e2e run id',
  };
  const created = await api('/api/admin/editions', organiser, { method: 'POST', body: JSON.stringify(edition) });
  expect(created.status, await created.clone().text()).toBe(201);
  const editionId = ((await created.json()) as { id: number }).id;
  try {
    for (const place of places) {
      const offer = await api(`/api/admin/editions/${editionId}/offers`, organiser, {
        method: 'POST',
        body: JSON.stringify({ attractionId: place.id, day, capacity: 2 }),
      });
      expect(offer.status).toBe(201);
    }
    const username = `e2e-applicant-${run}`;
    const email = await createResident(await keycloakAdminToken(), username);

    // the resident applies: party of 2, three choices, the third moved to the top with the keyboard
    await page.goto('/');
    await logInFromAccountPage(page, username);
    await page.goto('/');
    await expect(page.getByText('Places are drawn by ballot:')).toBeVisible();
    const form = page.locator('form.ballot-form');
    await form.getByLabel('Number of people').selectOption({ label: '2 people' });
    for (const place of places) {
      const add = form.getByLabel('Offer to add');
      await add.selectOption((await add.locator('option', { hasText: place.name }).getAttribute('value'))!);
      await form.getByRole('button', { name: 'Add to my choices' }).click();
    }
    const ranking = form.getByRole('list', { name: 'Your choices, best first' });
    await expect(ranking.getByRole('listitem')).toHaveCount(3);
    await form.getByRole('button', { name: `Move up ${places[2]!.name}`, exact: false }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText(`is now choice 2 of 3`)).toBeAttached();
    await page.keyboard.press('Enter'); // the focus stayed on the moved choice's button
    await expect(ranking.getByRole('listitem').first()).toContainText(places[2]!.name);
    await expect(ranking.getByRole('listitem').nth(1)).toContainText(places[0]!.name);
    await expect(ranking.getByRole('listitem').nth(2)).toContainText(places[1]!.name);
    await accessible(page, 'application form');
    await form.getByRole('button', { name: 'Send my application' }).click();
    await expect(page.getByText('Application sent').first()).toBeVisible();
    await accessible(page, 'application sent');

    // the window closes by itself (applications are locked once anyone applied)
    await expect.poll(() => Date.now(), { timeout: WINDOW_MS + 30_000, intervals: [2_000] }).toBeGreaterThan(closes.getTime() + 1_000);

    // the organiser draws in the Ballot tab, through the confirmation
    const organiserContext = await browser.newContext();
    const admin = await organiserContext.newPage();
    await admin.goto('/admin?tab=ballot');
    await admin.getByRole('main').getByRole('button', { name: 'Log in' }).click();
    await submitKeycloakLogin(admin, 'organiser');
    await admin.waitForURL((url) => url.pathname === '/admin' && !url.hash.includes('code='));
    await admin.getByLabel('Edition', { exact: true }).selectOption({ label: `Ballot e2e ${run}` });
    await expect(admin.getByText('Applications are closed: the draw can be run.')).toBeVisible();
    await accessible(admin, 'ballot tab before the draw');
    await admin.getByRole('textbox', { name: 'Public value' }).fill(run);
    await admin.getByRole('button', { name: 'Run the draw…' }).click();
    const dialog = admin.getByRole('dialog');
    await expect(dialog).toContainText(run);
    await dialog.getByRole('button', { name: 'Run the draw' }).click();
    await expect(admin.getByRole('heading', { name: 'The draw report' })).toBeVisible({ timeout: 60_000 });
    await expect(admin.getByTestId('draw-report')).toContainText(run);
    await accessible(admin, 'ballot tab after the draw');
    await organiserContext.close();

    // the resident: the only applicant, a party of 2 for 2 places: their first choice
    await page.reload();
    await expect(page.getByText(`You won a place: ${places[2]!.name}`, { exact: false })).toBeVisible();
    await page.getByRole('link', { name: 'See your ticket' }).click();
    await expect(page.getByRole('main')).toContainText(places[2]!.name);
    await page.goto(`/editions/${editionId}/draw`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`Ballot e2e ${run}`);
    await accessible(page, 'public draw report');

    let found: Mail | undefined;
    await expect
      .poll(async () => (found = (await mails(email)).find((m) => /you won a place/.test(m.subject))), { timeout: 90_000 })
      .toBeTruthy();
    expect(found!.mimeMessage.replace(/=\r?\n/g, '')).toContain(places[2]!.name);
  } finally {
    // no longer current: the live edition is the site's edition again for the other specs
    const past = new Date(Date.now() - 1_000).toISOString();
    const restored = await api(`/api/admin/editions/${editionId}`, organiser, {
      method: 'PUT',
      body: JSON.stringify({ ...edition, claimOpensAt: new Date(now - 7_200_000).toISOString(), claimClosesAt: past }),
    });
    expect(restored.status, await restored.clone().text()).toBe(200);
  }
});
