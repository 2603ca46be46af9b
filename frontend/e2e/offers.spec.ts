import { expect, test } from '@playwright/test';

test('filters the offers by territory and category, keyboard-reachable details', async ({ page }) => {
  await page.goto('/');
  const cards = page.getByRole('article');
  await expect(cards.first()).toBeVisible();

  await page.getByLabel('Territory').selectOption({ label: 'Kent' });
  await expect(page).toHaveURL(/territory=GB-KEN/);
  // The previous list stays on screen while the filtered one loads: wait until only Kent is left.
  await expect(cards.filter({ hasNotText: 'Kent' })).toHaveCount(0);
  await expect(cards.first()).toBeVisible();

  await page.getByLabel('Category').selectOption({ label: 'Museum' });
  await expect(page).toHaveURL(/category=MUSEUM/);
  await expect(cards.filter({ hasNotText: 'Museum' })).toHaveCount(0);
  await expect(cards.first()).toBeVisible();

  // Details open from the keyboard.
  const summary = cards.first().locator('summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(cards.first().locator('details')).toHaveAttribute('open', '');
  await expect(cards.first().getByText('Address')).toBeVisible();

  await page.getByRole('button', { name: 'Show all' }).click();
  await expect(page).not.toHaveURL(/territory=/);
});
