// Logs a demo user in through the real Keycloak login page from the SPA's header (the measuring
// scripts' start), and waits until the SPA shows them logged in.
export async function logIn(page, base, user) {
  await page.goto(`${base}/`);
  await page.getByRole('banner').getByRole('button', { name: /^(Log in|Se connecter)$/ }).click();
  await page.locator('#username').fill(user);
  await page.locator('#password').fill(user);
  await page.locator('#kc-login').click();
  await page.waitForURL((url) => url.origin === base && !url.hash.includes('code='));
  await page.getByRole('banner').getByText(user).waitFor();
}
