import { expect, test } from '@playwright/test';
import { logInFromAccountPage as logIn } from './support';


test('a resident sees the offers, logs in, is eligible, switches to French and logs out', async ({ page }) => {
  await page.goto('/');

  // Offers of the current edition, public.
  await expect(page.getByRole('heading', { level: 1 })).not.toBeEmpty();
  await expect(page.getByRole('heading', { level: 2, name: 'Attractions' })).toBeVisible();
  const cards = page.getByRole('article');
  await expect(cards.first()).toBeVisible();
  await expect(cards.first()).toContainText(/places left of \d+|Sold out/);
  await expect(page.getByLabel('Day', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Territory')).toBeVisible();
  await expect(page.getByLabel('Category')).toBeVisible();

  await logIn(page, 'resident');
  await expect(page.getByTestId('account-territory')).toHaveText('Pas-de-Calais');
  await expect(page.getByTestId('eligibility')).toContainText('You can claim free entries');
  await expect(page.getByRole('banner')).toContainText('resident');

  // The session survives a reload (check-sso).
  await page.reload();
  await expect(page.getByTestId('account-username')).toHaveText('resident');

  // Every label switches at once, and <html lang> follows.
  await page.getByRole('button', { name: 'FR', exact: true }).click();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Mon compte' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Mon compte' })).toBeVisible();
  await expect(page.getByTestId('eligibility')).toContainText('Vous pouvez réserver des entrées gratuites');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('button', { name: 'FR', exact: true })).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.getByRole('main').getByRole('button', { name: 'Se connecter' })).toBeVisible();
  await expect(page.getByTestId('account-username')).toHaveCount(0);
});

test('an outsider (Paris postcode) is told they cannot claim', async ({ page }) => {
  await page.goto('/');
  await logIn(page, 'outsider');
  const eligibility = page.getByTestId('eligibility');
  await expect(eligibility).toContainText('You cannot claim free entries');
  await expect(eligibility).toContainText('75001');
  await expect(eligibility).toContainText('outside the participating territories');
});
