import { expect, test } from '@playwright/test';
import { adminGql, demoAdminToken } from '../support/admin-api';
import { createUser, expectAccessible, signIn } from './console-helpers';

test('audit log: newest first, filters by action, actor, target and date, pages, and shows a readable before/after diff', async ({ page, request }) => {
  const token = await demoAdminToken(request);
  const user = await createUser(request, token, 'TEAM_MEMBER');
  await adminGql(request, token, 'mutation($id: ID!){ updateUser(id: $id, input: { name: "Renamed By Audit Test" }) { id } }', { id: user.id });
  // Enough events for more than one page of 20.
  for (let i = 0; i < 21; i += 1) {
    await adminGql(request, token, 'mutation($id: ID!, $n: String!){ updateUser(id: $id, input: { name: $n }) { id } }', { id: user.id, n: `Audit name ${i}` });
  }

  await signIn(page, '/admin/audit');
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  await expect(page.getByTestId('audit-row').first()).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel(/^Target id/).fill(user.id);
  await page.getByLabel(/^Action/).fill('user.');
  const today = await page.evaluate<string>('new Date().toLocaleDateString("en-CA")');
  await page.getByLabel(/^Since/).fill(today);
  await page.getByLabel(/^Until/).fill(today);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByText(/^23 events · page 1$/)).toBeVisible();
  const rows = page.getByTestId('audit-row');
  await expect(rows).toHaveCount(20);
  // Newest first: the last rename is on top.
  await rows.first().getByRole('button', { name: 'user.updated' }).click();
  const diff = page.getByRole('table', { name: 'Changes' });
  await expect(diff).toContainText('name');
  await expect(diff.getByRole('deletion')).toHaveText('Audit name 19');
  await expect(diff.getByRole('insertion')).toHaveText('Audit name 20');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Older' }).click();
  await expect(page.getByText(/^23 events · page 2$/)).toBeVisible();
  await expect(rows).toHaveCount(3);
  await expect(rows.last()).toContainText('user.created');
  await page.getByRole('button', { name: 'Newer' }).click();
  await expect(rows).toHaveCount(20);

  // Actor filter: events made by the demo admin about this user are all of them; by the user themselves, none.
  await page.getByLabel(/^Actor/).first().click();
  await page.getByRole('option', { name: new RegExp(user.email) }).click();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByText('No events match')).toBeVisible();

  // A range that ends before today has none of them either.
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByTestId('audit-row').first()).toBeVisible();
  await page.getByLabel(/^Until/).fill('2020-01-01');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByText('No events match')).toBeVisible();
});
