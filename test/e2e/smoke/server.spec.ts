import { expect, test } from '@playwright/test';
import { adminGql, demoAdminToken } from '../support/admin-api';
import { DEMO_ORG } from '../support/demo';

// Proves the browser harness itself: the built service is up with the demo organization,
// and Debian's chromium can load a page from it.
test('the e2e server runs the demo organization and chromium can reach it', async ({ page, request }) => {
  const token = await demoAdminToken(request);
  const data = await adminGql<{ organization: { name: string } }>(request, token, '{ organization { name } }');
  expect(data.organization.name).toBe('Acme Corporation');

  const response = await page.goto('/feeds/acme.xml');
  expect(response?.status()).toBe(200);
  expect(await page.content()).toContain('Acme Corporation');
});

test("the landing page's Admin console link opens the console's sign-in, and signing in works from there", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const landing = await page.goto('/');
  expect(landing?.status()).toBe(200);
  await page.getByRole('link', { name: 'Admin console' }).click();
  expect(new URL(page.url()).pathname).toBe('/admin');
  await page.getByLabel(/^Organization/).fill(DEMO_ORG.slug);
  await page.getByLabel(/^E-mail/).fill(DEMO_ORG.email);
  await page.getByLabel(/^Password/).fill(DEMO_ORG.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
