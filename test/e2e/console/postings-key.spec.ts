import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './console-helpers';

const PUBLIC_QUERY = { query: '{ postings(first: 1) { totalCount } }' };

test('reveal and copy the postings key; reset it after a confirmation and watch the old one fail on the public API', async ({ page, context, request }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page, '/admin/credentials');
  const shown = page.getByTestId('postings-key');
  await expect(shown).toHaveText(/^jgp_•+$/);

  await page.getByRole('button', { name: 'Reveal' }).click();
  await expect(shown).toHaveText(/^jgp_[A-Za-z0-9]{36}$/);
  const oldKey = (await shown.textContent()) ?? '';
  await page.getByRole('button', { name: 'Copy', exact: true }).click();
  expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(oldKey);
  const before = await request.post('/public/graphql', { data: PUBLIC_QUERY, headers: { authorization: `Bearer ${oldKey}` } });
  expect(before.status()).toBe(200);

  await page.getByRole('button', { name: 'Reset' }).click();
  const confirm = page.getByRole('dialog', { name: 'Reset the postings key?' });
  await expect(confirm.getByText(/career site's backend must be updated/)).toBeVisible();
  await expectAccessible(page);
  // Keyboard: Escape cancels without resetting.
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  expect((await request.post('/public/graphql', { data: PUBLIC_QUERY, headers: { authorization: `Bearer ${oldKey}` } })).status()).toBe(200);

  await page.getByRole('button', { name: 'Reset' }).click();
  await page.getByRole('dialog', { name: 'Reset the postings key?' }).getByRole('button', { name: 'Reset postings key' }).click();
  const newKey = ((await page.getByTestId('new-secret').textContent()) ?? '').trim();
  expect(newKey).toMatch(/^jgp_/);
  expect(newKey).not.toBe(oldKey);
  await page.getByRole('dialog', { name: 'New postings key' }).getByRole('button', { name: 'Done' }).click();
  await expect(shown).toHaveText(/^jgp_•+$/);

  const oldAfter = await request.post('/public/graphql', { data: PUBLIC_QUERY, headers: { authorization: `Bearer ${oldKey}` } });
  expect(oldAfter.status()).toBe(401);
  const newAfter = await request.post('/public/graphql', { data: PUBLIC_QUERY, headers: { authorization: `Bearer ${newKey}` } });
  expect(newAfter.status()).toBe(200);
});
