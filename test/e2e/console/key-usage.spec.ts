import { expect, test } from '@playwright/test';
import { adminGql, demoAdminToken } from '../support/admin-api';
import { callWithKey, expectAccessible, signIn, uniqueName } from './console-helpers';

const POSTINGS = '{ postings(first: 1) { totalCount } }';
const USERS = '{ users(first: 1) { totalCount } }';
const APPLICATIONS = '{ applications(first: 1) { totalCount } }';

test('key usage: the table shows what the key calls and what it was refused; the banner narrows it to what it uses', async ({ page, request }) => {
  const token = await demoAdminToken(request);
  const name = uniqueName('Usage probe');
  const created = await adminGql<{ createApiCredential: { secret: string; credential: { id: string } } }>(
    request,
    token,
    'mutation($i: CreateApiCredentialInput!) { createApiCredential(input: $i) { secret credential { id } } }',
    { i: { name, operations: ['postings.list', 'users.list', 'organization.read'] } },
  );
  const { secret, credential } = created.createApiCredential;

  await signIn(page, '/admin/dev-center');
  // Three allowed calls of one operation, one call of an operation the key lacks.
  for (let i = 0; i < 3; i += 1) expect(await callWithKey(page, secret, POSTINGS)).toMatchObject({ status: 200, code: null });
  expect(await callWithKey(page, secret, APPLICATIONS)).toMatchObject({ code: 'FORBIDDEN' });

  // Reached from the key's row in the Dev Center list.
  await page.getByTestId(`credential-row-${name}`).getByRole('button', { name: `Usage ${name}` }).click();
  await expect(page.getByRole('heading', { name: `Key usage: ${name}` })).toBeVisible();
  const table = page.getByRole('table', { name: 'Usage per operation' });
  const used = table.getByTestId('usage-row-postings.list');
  await expect(used.getByTestId('allowed-count')).toHaveText('3');
  await expect(used.getByTestId('refused-count')).toHaveText('0');
  await expect(used.getByRole('img', { name: /postings\.list: 3 allowed and 0 refused calls/ })).toBeVisible();
  const refused = table.getByTestId('usage-row-applications.list');
  await expect(refused).toContainText('not granted');
  await expect(refused.getByTestId('refused-count')).toContainText('1');
  await expect(refused.getByTestId('refused-count')).toContainText('needs applications.list');
  // Granted but never called: listed with zeros.
  for (const op of ['users.list', 'organization.read']) {
    await expect(table.getByTestId(`usage-row-${op}`).getByTestId('allowed-count')).toHaveText('0');
    await expect(table.getByTestId(`usage-row-${op}`)).toContainText('never');
  }
  await expectAccessible(page);

  await expect(page.getByTestId('narrow-banner')).toContainText('This key uses 1 of its 3 permissions');
  await page.getByRole('button', { name: 'Narrow it' }).click();
  const dialog = page.getByRole('dialog', { name: 'Narrow this key?' });
  await expect(dialog.getByTestId('narrow-dropped')).toContainText('users.list');
  await expect(dialog.getByTestId('narrow-dropped')).toContainText('organization.read');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Narrow key' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('Narrowed: removed 2 unused permissions.')).toBeVisible();
  await expect(page.getByTestId('narrow-banner')).toHaveCount(0);
  await expect(table.getByTestId('usage-row-users.list')).toHaveCount(0);

  // The call the key made still works; the granted one it never made is now refused.
  expect(await callWithKey(page, secret, POSTINGS)).toMatchObject({ status: 200, code: null });
  expect(await callWithKey(page, secret, USERS)).toMatchObject({ code: 'FORBIDDEN' });
  const after = await adminGql<{ apiCredential: { operations: string[] } }>(request, token, 'query($id: ID!) { apiCredential(id: $id) { operations } }', { id: credential.id });
  expect(after.apiCredential.operations).toEqual(['postings.list']);
});

test('editing permissions shows the impact before Save: a used operation being removed, with its count', async ({ page, request }) => {
  const token = await demoAdminToken(request);
  const name = uniqueName('Impact probe');
  const created = await adminGql<{ createApiCredential: { secret: string; credential: { id: string } } }>(
    request,
    token,
    'mutation($i: CreateApiCredentialInput!) { createApiCredential(input: $i) { secret credential { id } } }',
    { i: { name, operations: ['postings.list', 'users.list'] } },
  );
  const { secret, credential } = created.createApiCredential;
  await signIn(page, `/admin/dev-center/${credential.id}/permissions`);
  for (let i = 0; i < 2; i += 1) expect(await callWithKey(page, secret, POSTINGS)).toMatchObject({ status: 200 });

  await page.getByRole('checkbox', { name: 'postings.list', exact: true }).uncheck();
  const impact = page.getByTestId('permission-impact');
  await expect(impact).toContainText('This change breaks calls the key makes');
  await expect(impact).toContainText('postings.list: 2 calls');
  await expectAccessible(page);
  // The integration calls it once more after the preview: Save is refused and the impact refreshed.
  expect(await callWithKey(page, secret, POSTINGS)).toMatchObject({ status: 200 });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('impact-conflict')).toContainText('Usage changed since the preview — review again');
  await expect(impact).toContainText('postings.list: 3 calls');
  // Saving again with the refreshed preview goes ahead (audited as credential.impact_accepted by the API).
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(/Saved\. Changes apply/)).toBeVisible();
  expect(await callWithKey(page, secret, POSTINGS)).toMatchObject({ code: 'FORBIDDEN' });
});
