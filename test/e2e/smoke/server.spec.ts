import { expect, test } from '@playwright/test';
import { adminGql, demoAdminToken } from '../support/admin-api';

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
