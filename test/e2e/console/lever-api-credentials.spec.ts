import { expect, test } from '@playwright/test';
import { adminGql, demoAdminToken } from '../support/admin-api';
import { callWithKey, expectAccessible, openSection, signIn, TINY_PNG, uniqueName } from './console-helpers';

const ALLOWED = '{ users(first: 5) { totalCount } }';
const FORBIDDEN = '{ postings(first: 1) { totalCount } }';

test('generate a key with a preset, the confidential toggle and a logo; copy the secret; call, revoke, re-enable and delete it', async ({ page, context, request }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page, '/admin/credentials');
  await expect(page.getByRole('heading', { name: 'API credentials' })).toBeVisible();
  await expect(page.getByTestId('postings-key')).toHaveText(/^jgp_•+$/);
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Generate New Key' }).click();
  await expect(page.getByRole('heading', { name: 'Generate New Key' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'users.list' })).not.toBeChecked();
  await page.getByRole('button', { name: 'User directory sync' }).click();
  for (const id of ['users.list', 'users.read', 'users.create', 'users.deactivate']) await expect(page.getByRole('checkbox', { name: id, exact: true })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'postings.list', exact: true })).not.toBeChecked();

  // "?" shows the exact call behind a permission.
  await page.getByRole('button', { name: 'What users.list allows' }).click();
  await expect(page.getByText('query users', { exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.keyboard.press('Escape');

  const confidential = page.getByRole('switch', { name: /Allow access to confidential data/ });
  await expect(confidential).not.toBeChecked();
  await confidential.check();
  const name = uniqueName('Directory sync');
  await page.getByLabel(/^Key name/).fill(name);

  // The browser refuses a logo of 500 KB or more before anything is sent.
  const logoInput = page.locator('input[type="file"]');
  await logoInput.setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: Buffer.concat([TINY_PNG, Buffer.alloc(600 * 1024)]) });
  await expect(page.getByText(/The logo must be under 500 KB/)).toBeVisible();
  await logoInput.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: TINY_PNG });
  await expect(page.getByText(/The logo must be under 500 KB/)).toBeHidden();

  // BAD_USER_INPUT from the API shows next to its field.
  const allowlist = page.getByLabel(/^IP allowlist/);
  await allowlist.fill('not-a-network');
  await page.getByRole('button', { name: 'Generate key' }).click();
  await expect(allowlist).toHaveAttribute('aria-invalid', 'true');
  await allowlist.fill('127.0.0.1/32');
  await page.getByLabel(/^Expires on/).fill('2099-12-31');
  await page.getByRole('button', { name: 'Generate key' }).click();

  const dialog = page.getByRole('dialog', { name: /Your new key/ });
  await expect(dialog.getByText(/cannot be shown again/)).toBeVisible();
  const secret = (await page.getByTestId('new-secret').textContent())?.trim() ?? '';
  expect(secret).toMatch(/^jgk_[A-Za-z0-9]{36}$/);
  await dialog.getByRole('button', { name: 'Copy' }).click();
  await expect(dialog.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(secret);
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('new-secret')).toHaveCount(0);

  const row = page.getByTestId(`credential-row-${name}`);
  await expect(row).toContainText(secret.slice(0, 8));
  await expect(row).toContainText('active');
  await expect(row).toContainText('never');
  await expect(row).toContainText('Acme Admin');
  await expect(row.locator('img')).toHaveCount(1);

  const token = await demoAdminToken(request);
  const stored = await adminGql<{ apiCredentials: { nodes: { name: string; allowConfidential: boolean; logoUrl: string | null; allowedCidrs: string[]; expiresAt: string }[] } }>(
    request,
    token,
    '{ apiCredentials(first: 100, filter: { kind: DATA }) { nodes { name allowConfidential logoUrl allowedCidrs expiresAt } } }',
  );
  const key = stored.apiCredentials.nodes.find((k) => k.name === name);
  expect(key).toMatchObject({ allowConfidential: true, allowedCidrs: ['127.0.0.1/32'], expiresAt: '2099-12-31T23:59:59.000Z' });
  expect(key?.logoUrl).toBeTruthy();

  // The key works for what it was granted and only that.
  expect(await callWithKey(page, secret, ALLOWED)).toMatchObject({ status: 200, code: null });
  expect(await callWithKey(page, secret, FORBIDDEN)).toMatchObject({ code: 'FORBIDDEN' });

  // Revoke in the Dev Center list: the very next call fails.
  await openSection(page, 'Dev Center');
  const devRow = page.getByTestId(`credential-row-${name}`);
  await devRow.getByRole('button', { name: `Revoke ${name}` }).click();
  await page.getByRole('dialog', { name: `Revoke ${name}?` }).getByRole('button', { name: 'Revoke key' }).click();
  await expect(devRow).toContainText('revoked');
  expect(await callWithKey(page, secret, ALLOWED)).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });

  await devRow.getByRole('button', { name: `Re-enable ${name}` }).click();
  await page.getByRole('dialog', { name: `Re-enable ${name}?` }).getByRole('button', { name: 'Re-enable key' }).click();
  await expect(devRow).toContainText('active');
  expect(await callWithKey(page, secret, ALLOWED)).toMatchObject({ status: 200, code: null });

  // Delete from Lever's list, behind a confirmation.
  await openSection(page, 'API credentials');
  await page.getByTestId(`credential-row-${name}`).getByRole('button', { name: `Delete ${name}` }).click();
  const confirm = page.getByRole('dialog', { name: `Delete ${name}?` });
  await expect(confirm.getByText(/permanent/)).toBeVisible();
  await confirm.getByRole('button', { name: 'Delete key' }).click();
  await expect(page.getByTestId(`credential-row-${name}`)).toHaveCount(0);
  expect(await callWithKey(page, secret, ALLOWED)).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
});

test('the expiry field shows and enforces the organization lifetime policy', async ({ page, request }) => {
  const token = await demoAdminToken(request);
  await adminGql(request, token, 'mutation { updateOrganizationSettings(input: { maxCredentialLifetimeDays: 30 }) { id } }');
  try {
    await signIn(page, '/admin/credentials/new');
    const expiry = page.getByLabel(/^Expires on/);
    await expect(page.getByText(/keys expire within 30 days/)).toBeVisible();
    await expect(expiry).toHaveAttribute('max', /^\d{4}-\d{2}-\d{2}$/);
    await page.getByRole('checkbox', { name: 'organization.read', exact: true }).check();
    await page.getByLabel(/^Key name/).fill(uniqueName('Too long'));
    await expiry.fill('2099-01-01');
    await page.getByRole('button', { name: 'Generate key' }).click();
    await expect(expiry).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('dialog', { name: /Your new key/ })).toHaveCount(0);
  } finally {
    await adminGql(request, token, 'mutation { updateOrganizationSettings(input: { clearMaxCredentialLifetime: true }) { id } }');
  }
});
