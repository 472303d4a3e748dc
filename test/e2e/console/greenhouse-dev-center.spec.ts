import { expect, test } from '@playwright/test';
import { adminGql, demoAdminToken } from '../support/admin-api';
import { callWithKey, expectAccessible, openSection, signIn } from './console-helpers';

test('Greenhouse partner flow: Create New API key with a partner, store the secret, Manage Permissions, Save, rotate with a grace period', async ({ page, request }) => {
  await signIn(page, '/admin/dev-center');
  await expect(page.getByRole('heading', { name: 'API Credential Management' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Create New API key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create New API key' });
  await expect(dialog.getByLabel('API type').first()).toHaveValue(/Data API/);
  await dialog.getByLabel('Partner').first().click();
  await dialog.getByRole('option', { name: 'Background-check vendor' }).click();
  await expect(dialog.getByText(/Pre-assigns 3 permissions/)).toBeVisible();
  const description = `Checkr connector ${Date.now()}`;
  await dialog.getByLabel('Description').fill(description);
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Create' }).click();

  const secretDialog = page.getByRole('dialog', { name: 'Your new API key' });
  const secret = ((await page.getByTestId('new-secret').textContent()) ?? '').trim();
  expect(secret).toMatch(/^jgk_/);
  await expect(secretDialog.getByRole('button', { name: 'Copy' })).toBeVisible();
  await secretDialog.getByRole('button', { name: 'I have stored the API key' }).click();

  // Manage Permissions: the partner's operations are pre-assigned.
  await expect(page.getByRole('heading', { name: /Manage Permissions: Background-check vendor/ })).toBeVisible();
  for (const id of ['applications.list', 'applications.read', 'applications.download']) await expect(page.getByRole('checkbox', { name: id, exact: true })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'postings.list', exact: true })).not.toBeChecked();
  expect(await callWithKey(page, secret, '{ postings(first: 1) { totalCount } }')).toMatchObject({ code: 'FORBIDDEN' });
  await page.getByRole('checkbox', { name: 'postings.list', exact: true }).check();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(/Saved\. Changes apply/)).toBeVisible();
  expect(await callWithKey(page, secret, '{ postings(first: 1) { totalCount } }')).toMatchObject({ status: 200, code: null });

  // Rotate with a grace period: the old secret keeps working until then, the new one works now.
  await openSection(page, 'Dev Center');
  const name = 'Background-check vendor';
  const row = page.getByTestId(`credential-row-${name}`).filter({ hasText: description });
  await row.getByRole('button', { name: `Rotate secret ${name}` }).click();
  const rotate = page.getByRole('dialog', { name: `Rotate ${name}?` });
  await rotate.getByLabel('Grace period for the old secret').first().click();
  await rotate.getByRole('option', { name: '24 hours' }).click();
  await rotate.getByRole('button', { name: 'Rotate secret' }).click();
  const rotated = ((await page.getByTestId('new-secret').textContent()) ?? '').trim();
  expect(rotated).toMatch(/^jgk_/);
  expect(rotated).not.toBe(secret);
  await page.getByRole('dialog', { name: `New secret for ${name}` }).getByRole('button', { name: 'Done' }).click();
  expect(await callWithKey(page, rotated, '{ postings(first: 1) { totalCount } }')).toMatchObject({ status: 200 });
  expect(await callWithKey(page, secret, '{ postings(first: 1) { totalCount } }')).toMatchObject({ status: 200 });

  const token = await demoAdminToken(request);
  const keys = await adminGql<{ apiCredentials: { nodes: { description: string | null; partner: string | null; previousSecretExpiresAt: string | null }[] } }>(
    request,
    token,
    '{ apiCredentials(first: 100, filter: { kind: DATA }) { nodes { description partner previousSecretExpiresAt } } }',
  );
  const key = keys.apiCredentials.nodes.find((k) => k.description === description);
  expect(key?.partner).toBe('background-check');
  const graceHours = (new Date(key?.previousSecretExpiresAt ?? 0).getTime() - Date.now()) / 3_600_000;
  expect(graceHours).toBeGreaterThan(23);
  expect(graceHours).toBeLessThanOrEqual(24);
});

test('when the organization locks permissions, the edit page is read-only and says why', async ({ page, request }) => {
  const token = await demoAdminToken(request);
  const created = await adminGql<{ createApiCredential: { credential: { id: string } } }>(
    request,
    token,
    'mutation { createApiCredential(input: { name: "Locked example", operations: ["users.list"] }) { credential { id } } }',
  );
  await adminGql(request, token, 'mutation { updateOrganizationSettings(input: { lockCredentialPermissions: true }) { id } }');
  try {
    await signIn(page, '/admin/dev-center');
    const row = page.getByTestId('credential-row-Locked example').first();
    await row.getByRole('button', { name: 'Edit Locked example' }).click();
    await expect(page.getByTestId('permissions-locked')).toContainText('cannot change after a key is created');
    await expect(page.getByRole('checkbox', { name: 'users.list', exact: true })).toBeDisabled();
    await expect(page.getByRole('checkbox', { name: 'users.list', exact: true })).toBeChecked();
    await page.getByLabel('Description').fill('Still editable');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText(/Saved\./)).toBeVisible();
    await expectAccessible(page);
  } finally {
    await adminGql(request, token, 'mutation { updateOrganizationSettings(input: { lockCredentialPermissions: false }) { id } }');
    await adminGql(request, token, 'mutation($id: ID!) { deleteApiCredential(id: $id) }', { id: created.createApiCredential.credential.id });
  }
});
