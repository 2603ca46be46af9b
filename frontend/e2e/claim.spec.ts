import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { logInFromAccountPage as logIn } from './support';

// resident-kent (postcode CT1 2EH), not `resident`: the account spec uses that one.
const USERNAME = 'resident-kent';


const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/**
 * The offers of one day in Kent, through the filters (client-side navigation only: the session lives
 * in memory). The last day of the live edition has not begun, so its tickets can still be cancelled.
 */
async function showKentOffers(page: Page, day?: string): Promise<{ day: string; cards: Locator }> {
  await nav(page).getByRole('link', { name: 'Attractions' }).click();
  const daySelect = page.getByLabel('Day', { exact: true });
  await expect(daySelect).toBeVisible();
  const days = await daySelect.locator('option').evaluateAll((options) =>
    options.map((o) => (o as HTMLOptionElement).value).filter(Boolean),
  );
  const chosen = day ?? days.at(-1)!;
  const cards = page.getByRole('article');
  // One filter at a time, each applied on screen before the next: a change rewrites the URL from the
  // filters the page last rendered (the previous list stays on screen while the filtered one loads).
  await daySelect.selectOption(chosen);
  await expect(page).toHaveURL(new RegExp(`day=${chosen}`));
  await expect(cards.filter({ hasNot: page.locator(`time[datetime="${chosen}"]`) })).toHaveCount(0);
  await expect(daySelect).toHaveValue(chosen);
  await page.getByLabel('Territory').selectOption({ label: 'Kent' });
  await expect(page).toHaveURL(new RegExp(`day=${chosen}.*territory=GB-KEN`));
  await expect(cards.filter({ hasNotText: 'Kent' })).toHaveCount(0);
  await expect(cards.first()).toBeVisible();
  return { day: chosen, cards };
}

async function placesLeft(card: Locator): Promise<number> {
  const text = await card.getByText(/\d+ places? left of \d+/).textContent();
  return Number(/(\d+) places? left/.exec(text ?? '')?.[1]);
}

async function cancelShownTicket(page: Page) {
  await page.getByRole('button', { name: 'Cancel this ticket' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cancel this ticket?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('go back to other residents at once');
  await dialog.getByRole('button', { name: 'Yes, cancel the ticket' }).click();
  await expect(page.getByTestId('ticket-message')).toHaveText(
    'Your ticket is cancelled. Its places are back for other residents.',
  );
  await expect(dialog).toBeHidden();
}

test('a resident claims 2 free entries, gets the QR ticket and the PDF, then cancels it', async ({ page }) => {
  await page.goto('/');
  await logIn(page, USERNAME);
  await expect(nav(page).getByRole('link', { name: 'My tickets' })).toBeVisible();

  const { day, cards } = await showKentOffers(page);
  const card = cards.first();
  const name = (await card.getByRole('heading', { level: 4 }).textContent())!;
  const claimButton = card.getByRole('button', { name: /^Claim free entries/ });
  const heldLink = card.getByRole('link', { name: /^See my ticket/ });
  await expect(claimButton.or(heldLink)).toBeVisible();

  // Against a database kept between runs: a ticket of an earlier run for this offer goes first.
  if (await heldLink.isVisible()) {
    await heldLink.click();
    await cancelShownTicket(page);
    await showKentOffers(page, day);
    await expect(claimButton).toBeVisible();
  }
  const before = await placesLeft(card);
  expect(before).toBeGreaterThanOrEqual(2);

  // Claim.
  await claimButton.click();
  await expect(claimButton).toHaveAttribute('aria-expanded', 'true');
  await card.getByLabel('Number of people').selectOption('2');
  await card.getByRole('button', { name: 'Confirm 2 free entries' }).click();

  // The new ticket, at once.
  await page.waitForURL(/\/tickets\/\d+$/);
  const ticketPath = new URL(page.url()).pathname;
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const booked = page.getByTestId('ticket-message');
  await expect(booked).toHaveText('Your free entries are booked. Show this QR code at the door.');
  await expect(booked).toBeFocused();
  await expect(page.getByTestId('ticket-status')).toHaveText('Valid');
  const qr = page.getByRole('img', { name: `QR code for your ticket to ${name}, `, exact: false });
  await expect(qr).toBeVisible();
  await expect(qr).toHaveAccessibleName(/, 2 people$/);
  await expect
    .poll(() => qr.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)))
    .toBeGreaterThan(0);
  await expect(page.getByTestId('ticket-code')).toHaveText(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  const code = (await page.getByTestId('ticket-code').textContent())!;

  // Two places fewer on the offers page.
  await showKentOffers(page, day);
  const offer = cards.filter({ has: page.getByRole('heading', { level: 4, name, exact: true }) });
  await expect(offer.getByText(`${before - 2} places left of`)).toBeVisible();
  await expect(offer.getByRole('link', { name: /^See my ticket/ })).toBeVisible();

  // The ticket in My tickets, then the PDF.
  await nav(page).getByRole('link', { name: 'My tickets' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My tickets' })).toBeVisible();
  const listed = page.getByRole('article').filter({ hasText: code });
  await expect(listed.getByTestId('ticket-status')).toHaveText('Valid');
  await listed.getByRole('link', { name }).click();
  await expect(page).toHaveURL(new RegExp(`${ticketPath}$`));

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const pdf = await readFile(await download.path());
  expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');

  const downloadingIcs = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Add to calendar' }).click();
  const ics = await downloadingIcs;
  expect(ics.suggestedFilename()).toMatch(/\.ics$/);
  expect(await readFile(await ics.path(), 'utf8')).toMatch(/^BEGIN:VCALENDAR/);

  // Cancel: the ticket shows as cancelled, without its QR code.
  await cancelShownTicket(page);
  await expect(page.getByTestId('ticket-status')).toHaveText('Cancelled');
  await expect(page.getByRole('img', { name: /^QR code/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Cancel this ticket' })).toHaveCount(0);

  // The places are back, and the ticket stays in the list as cancelled.
  await showKentOffers(page, day);
  await expect(offer.getByText(`${before} places left of`)).toBeVisible();
  await expect(offer.getByRole('button', { name: /^Claim free entries/ })).toBeVisible();
  await nav(page).getByRole('link', { name: 'My tickets' }).click();
  await expect(page.getByRole('article').filter({ hasText: code }).getByTestId('ticket-status')).toHaveText('Cancelled');
});
