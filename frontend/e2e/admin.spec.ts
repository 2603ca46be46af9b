import { expect, test } from '@playwright/test';
import { submitKeycloakLogin } from './support';

// Administration against the demo stack, as `organiser`: the postcode test box, a new attraction
// (unique slug per run) in the list, and its creation in the audit log, said as a sentence.

test('an organiser tests a postcode, creates an attraction and finds it in the audit log', async ({ page }) => {
  const slug = `e2e-${Date.now().toString(36)}`;
  const name = `E2E attraction ${slug}`;

  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
  await page.getByRole('main').getByRole('button', { name: 'Log in' }).click();
  await submitKeycloakLogin(page, 'organiser');
  await page.waitForURL((url) => url.pathname === '/admin' && !url.hash.includes('code='));
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Administration' })).toHaveAttribute(
    'aria-current',
    'page',
  );

  // Territories: the postcode test box.
  const box = page.getByRole('region', { name: 'Test a postcode' });
  await box.getByLabel('Postcode').fill('CT1 2EH');
  await box.getByRole('button', { name: 'Test' }).click();
  await expect(box.getByTestId('postcode-result')).toHaveText('CT1 2EH → Kent');

  // Attractions: create one.
  await page.getByRole('button', { name: 'Attractions' }).click();
  await expect(page).toHaveURL(/[?&]tab=attractions\b/);
  await page.getByRole('button', { name: 'New attraction' }).click();
  const form = page.getByRole('form', { name: 'New attraction' });
  await form.getByLabel('Slug (in addresses)').fill(slug);
  await form.getByLabel('Name in French').fill(name);
  await form.getByLabel('Name in English').fill(name);
  await form.getByLabel('Territory').selectOption({ index: 0 });
  await form.getByLabel('Category').selectOption('HERITAGE');
  await form.getByLabel('Address', { exact: true }).fill('1 E2E street');
  await form.getByLabel('Town').fill('Arras');
  await form.getByLabel('Postcode').fill('62000');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${name} saved.` })).toBeVisible();
  const row = page.locator(`tr[data-slug="${slug}"]`);
  await expect(row.getByRole('rowheader')).toHaveText(name);
  await expect(row).toContainText('Active');

  // The same slug again: 409 already-exists, its detail shown.
  await page.getByRole('button', { name: 'New attraction' }).click();
  await form.getByLabel('Slug (in addresses)').fill(slug);
  await form.getByLabel('Name in French').fill(name);
  await form.getByLabel('Name in English').fill(name);
  await form.getByLabel('Address', { exact: true }).fill('1 E2E street');
  await form.getByLabel('Town').fill('Arras');
  await form.getByLabel('Postcode').fill('62000');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('alert')).toBeVisible();
  await form.getByRole('button', { name: 'Cancel' }).click();

  // Audit log: the creation is recorded.
  await page.getByRole('button', { name: 'Audit log' }).click();
  const audit = page.getByTestId('audit-table');
  await expect(audit.locator('tr', { hasText: `Created the attraction ${slug} (no. ` }).first()).toBeVisible();
});
