import { expect, test, type APIRequestContext } from '@playwright/test';
import { adminGql, demoAdminToken } from '../support/admin-api';
import { expectAccessible, signIn, TINY_PNG } from './console-helpers';

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

type CareerSettings = { intro: string | null; careersPageEnabled: boolean; leverApiEnabled: boolean; greenhouseApiEnabled: boolean; logoFileId: string | null };
const CAREER_SETTINGS = '{ organization { settings { intro careersPageEnabled leverApiEnabled greenhouseApiEnabled logoFileId } } }';

/** Stages `png` with POST /uploads (purpose LOGO) and makes it the organization's logo, as the console does. */
async function restoreLogo(request: APIRequestContext, token: string, png: Buffer) {
  const staged = await request.post('/uploads', { headers: { authorization: `Bearer ${token}` }, multipart: { purpose: 'LOGO', file: { name: 'logo.png', mimeType: 'image/png', buffer: png } } });
  expect(staged.status()).toBe(201);
  const { id } = (await staged.json()) as { id: string };
  await adminGql(request, token, 'mutation($u: ID) { setOrganizationLogo(uploadId: $u) { id } }', { u: id });
}

test('organization settings: the hosted board logo (checked in the browser, then uploaded), intro, career pages and the Lever/Greenhouse API switches', async ({ page, request }) => {
  const token = await demoAdminToken(request);
  const before = (await adminGql<{ organization: { settings: CareerSettings } }>(request, token, CAREER_SETTINGS)).organization.settings;
  const demoLogo = before.logoFileId ? await (await request.get('/jobs/acme/logo.png')).body() : null;
  try {
    await signIn(page, '/admin/settings');
    await expect(page.getByRole('link', { name: /\/v0\/postings\/acme$/ })).toHaveAttribute('href', /\/v0\/postings\/acme$/);
    await expect(page.getByRole('link', { name: /\/v1\/boards\/acme\/jobs$/ })).toHaveAttribute('href', /\/v1\/boards\/acme\/jobs$/);

    // The browser's half of the logo rule: not a PNG, then 500 KB or more, are refused before anything is sent.
    const logoInput = page.locator('input[type="file"]');
    await logoInput.setInputFiles({ name: 'logo.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') });
    await expect(page.getByText('The logo must be a PNG image')).toBeVisible();
    await logoInput.setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: Buffer.concat([TINY_PNG, Buffer.alloc(600 * 1024)]) });
    await expect(page.getByText(/The logo must be under 500 KB/)).toBeVisible();
    await logoInput.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: TINY_PNG });
    await expect(page.getByText(/The logo must be/)).toBeHidden();
    await page.getByRole('button', { name: 'Upload logo' }).click();
    await expect(page.getByText('Logo saved.')).toBeVisible();
    const uploaded = (await adminGql<{ organization: { settings: CareerSettings } }>(request, token, CAREER_SETTINGS)).organization.settings.logoFileId;
    expect(uploaded).toBeTruthy();
    expect(uploaded).not.toBe(before.logoFileId);
    await expect(page.getByTestId('organization-logo')).toHaveAttribute('src', new RegExp(`/jobs/acme/logo\\.png\\?v=${uploaded}$`));
    expect(await page.getByTestId('organization-logo').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(Buffer.compare(await (await request.get('/jobs/acme/logo.png')).body(), TINY_PNG)).toBe(0);
    await expectAccessible(page);

    // The intro shows on the board; switching the hosted pages and the compatible APIs off closes them.
    const intro = `Intro from the console e2e ${Date.now()}`;
    await page.getByLabel(/^Intro/).fill(intro);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('Settings saved.')).toBeVisible();
    await expect.poll(async () => (await request.get('/jobs/acme')).text()).toContain(intro);

    await page.getByRole('switch', { name: /Hosted career pages enabled/ }).uncheck();
    await page.getByRole('switch', { name: /Lever-compatible Postings API/ }).uncheck();
    await page.getByRole('switch', { name: /Greenhouse-compatible Job Board API/ }).uncheck();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('Settings saved.')).toBeVisible();
    expect((await adminGql<{ organization: { settings: CareerSettings } }>(request, token, CAREER_SETTINGS)).organization.settings).toMatchObject({
      intro,
      careersPageEnabled: false,
      leverApiEnabled: false,
      greenhouseApiEnabled: false,
    });
    expect((await request.get('/jobs/acme')).status()).toBe(404);
    expect((await request.get('/v0/postings/acme')).status()).toBe(404);
    expect((await request.get('/v1/boards/acme/jobs')).status()).toBe(404);

    // A too-long intro is refused by the API and shown next to its field.
    await page.getByLabel(/^Intro/).fill('x'.repeat(1001));
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByLabel(/^Intro/)).toHaveAttribute('aria-invalid', 'true');
  } finally {
    await adminGql(request, token, 'mutation($i: UpdateOrganizationSettingsInput!) { updateOrganizationSettings(input: $i) { id } }', {
      i: { intro: before.intro ?? '', careersPageEnabled: before.careersPageEnabled, leverApiEnabled: before.leverApiEnabled, greenhouseApiEnabled: before.greenhouseApiEnabled },
    });
    if (demoLogo) await restoreLogo(request, token, demoLogo);
  }
});
