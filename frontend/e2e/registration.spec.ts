import { expect, test, type Page } from '@playwright/test';
import { KEYCLOAK_URL } from './support';

// A new resident on the real parts: Keycloak's registration page (postcode format checked there),
// its verify-email mail read back from the development mail server (GreenMail's API), and no way into
// the app before the link is opened; afterwards the new resident can claim.
const MAIL_API = process.env.E2E_MAIL_API_URL ?? 'http://127.0.0.1:8025';

type Mail = { subject: string; mimeMessage: string };

async function mailsTo(address: string): Promise<Mail[]> {
  const response = await fetch(`${MAIL_API}/api/user/${encodeURIComponent(address)}/messages/`);
  return response.ok ? ((await response.json()) as Mail[]) : [];
}

/** The verify-email link of the mail (quoted-printable soft breaks and =3D undone). */
function verifyLink(mail: Mail): string {
  const text = mail.mimeMessage.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  const link = /https?:\/\/[^\s"<>]+action-token[^\s"<>]+/.exec(text)?.[0];
  expect(link, 'a verify-email link in the mail').toBeTruthy();
  return link!.replace(/&amp;/g, '&');
}

async function fillPassword(page: Page, password: string) {
  // Keycloak asks for the password on the registration form or, right after it, on a page of its own.
  const onForm = page.locator('#password');
  if (await onForm.isVisible()) {
    await onForm.fill(password);
    await page.locator('#password-confirm').fill(password);
    return false;
  }
  return true;
}

test('a new resident registers, is held until the email is verified, then can claim', async ({ page }) => {
  const username = `newres${Date.now().toString(36)}`;
  const email = `${username}@residents.grandjour.test`;
  const password = `${username}-Pw1`;

  await page.goto('/');
  await page.getByRole('navigation').getByRole('link', { name: 'My account' }).click();
  // the account page is loaded on demand: until it shows, the home page's "Log in to claim…" buttons are still there
  await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible();
  await page.getByRole('main').getByRole('button', { name: 'Log in', exact: true }).click();
  await page.waitForURL((url) => url.origin === new URL(KEYCLOAK_URL).origin);
  await page.getByRole('link', { name: 'Register' }).click();

  await page.locator('#username').fill(username);
  await page.locator('#email').fill(email);
  await page.locator('#firstName').fill('Nina');
  await page.locator('#lastName').fill('Nouvelle');
  const passwordLater = await fillPassword(page, password);
  // A typo in the postcode is refused with the format, before any account exists.
  await page.locator('#postcode').fill('6220');
  await page.getByRole('button', { name: 'Register' }).click();
  await expect(page.getByText('Postcode: enter a French postcode (5 digits, e.g. 62300) or a UK postcode')).toBeVisible();
  await fillPassword(page, password);
  await page.locator('#postcode').fill('62300');
  await page.getByRole('button', { name: 'Register' }).click();
  if (passwordLater) {
    await page.locator('#password-new').fill(password);
    await page.locator('#password-confirm').fill(password);
    await page.getByRole('button', { name: 'Submit' }).click();
  }

  // Unverified: held on Keycloak's page, not let into the app.
  await expect(page.getByText('You need to verify your email address to activate your account.')).toBeVisible();
  await expect.poll(async () => (await mailsTo(email)).length, { timeout: 30_000 }).toBeGreaterThan(0);
  const [mail] = await mailsTo(email);
  expect(mail!.subject).toBe('Verify email');

  await page.goto(verifyLink(mail!));
  const back = page.getByRole('link', { name: /Back to Application|Click here to proceed/ });
  if (await back.isVisible().catch(() => false)) await back.click();
  await page.waitForURL((url) => !url.href.startsWith(KEYCLOAK_URL));
  await page.getByRole('navigation').getByRole('link', { name: 'My account' }).click();
  await expect(page.getByTestId('account-username')).toHaveText(username);
  await expect(page.getByTestId('account-postcode')).toHaveText('62300');
  await expect(page.getByTestId('eligibility')).toContainText('You can claim free entries');
  // The postcode is the organisers' to change: the page offers a request, not an edit.
  await expect(page.getByRole('heading', { name: 'Change my postcode' })).toBeVisible();

  // Verified: a claim goes through.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Attractions' }).click();
  const daySelect = page.getByLabel('Day', { exact: true });
  await expect(daySelect).toBeVisible();
  const days = await daySelect.locator('option').evaluateAll((options) =>
    options.map((o) => (o as HTMLOptionElement).value).filter(Boolean),
  );
  await daySelect.selectOption(days.at(-1)!);
  await expect(page).toHaveURL(new RegExp(`day=${days.at(-1)}`));
  await page.getByLabel('Territory').selectOption({ label: 'Pas-de-Calais' });
  await expect(page).toHaveURL(/territory=FR-62/);
  // the list shows that day and territory only (not the previous list still on screen)
  await expect(page.getByRole('article').filter({ hasNot: page.locator(`time[datetime="${days.at(-1)}"]`) })).toHaveCount(0);
  await expect(page.getByRole('article').filter({ hasNotText: 'Pas-de-Calais' })).toHaveCount(0);
  // Pin the card by its attraction's name: once its claim form opens, its "Claim free entries"
  // button is gone, and a locator filtered on that button would move on to the next card.
  const claimable = page.getByRole('article').filter({ has: page.getByRole('button', { name: /^Claim free entries/ }) }).first();
  const attraction = (await claimable.getByRole('heading', { level: 4 }).textContent())!;
  const card = page.getByRole('article').filter({ has: page.getByRole('heading', { level: 4, name: attraction, exact: true }) });
  await card.getByRole('button', { name: /^Claim free entries/ }).click();
  await card.getByLabel('Number of people').selectOption('1');
  await card.getByRole('button', { name: /^Confirm 1 free entr/ }).click();
  await page.waitForURL(/\/tickets\/\d+$/);
  await expect(page.getByTestId('ticket-status')).toHaveText('Valid');
});
