import { expect, test } from '@playwright/test';
import { adminGql, demoAdminToken } from '../support/admin-api';
import { expectAccessible, signIn } from './console-helpers';

test('organization settings: origins, feed, careers site, lock and lifetime, with field errors and links to the board and feed', async ({ page, request }) => {
  const token = await demoAdminToken(request);
  try {
    await signIn(page, '/admin/settings');
    await expect(page.getByRole('heading', { name: 'Organization settings' })).toBeVisible();
    await expect(page.getByRole('link', { name: /\/jobs\/acme$/ })).toHaveAttribute('href', /\/jobs\/acme$/);
    await expect(page.getByRole('link', { name: /\/feeds\/acme\.xml$/ })).toHaveAttribute('href', /\/feeds\/acme\.xml$/);
    await expectAccessible(page);

    const careers = page.getByLabel(/^Careers site URL/);
    await careers.fill('not a url');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(careers).toHaveAttribute('aria-invalid', 'true');

    await careers.fill('https://careers.acme.example');
    const origins = page.getByLabel(/^Allowed origins/).first();
    await origins.fill('https://careers.acme.example');
    await origins.press('Enter');
    await page.getByLabel(/^Maximum API key lifetime/).fill('90');
    await page.getByRole('switch', { name: /Lock API key permissions/ }).check();
    await page.getByRole('switch', { name: /Job feed enabled/ }).uncheck();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('Settings saved.')).toBeVisible();

    const data = await adminGql<{ organization: { settings: Record<string, unknown> } }>(
      request,
      token,
      '{ organization { settings { allowedOrigins feedEnabled careersSiteUrl lockCredentialPermissions maxCredentialLifetimeDays } } }',
    );
    expect(data.organization.settings).toMatchObject({
      allowedOrigins: ['https://careers.acme.example'],
      feedEnabled: false,
      careersSiteUrl: 'https://careers.acme.example',
      lockCredentialPermissions: true,
      maxCredentialLifetimeDays: 90,
    });
    expect((await request.get('/feeds/acme.xml')).status()).toBe(404);
  } finally {
    await adminGql(
      request,
      token,
      'mutation { updateOrganizationSettings(input: { allowedOrigins: [], feedEnabled: true, careersSiteUrl: "", lockCredentialPermissions: false, clearMaxCredentialLifetime: true }) { id } }',
    );
  }
});
