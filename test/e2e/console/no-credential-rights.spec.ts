import { expect, test } from '@playwright/test';
import { demoAdminToken } from '../support/admin-api';
import { createUser, expectAccessible, openSection, signIn } from './console-helpers';

test('an Admin without "manage API credentials" sees no credential screens, and a direct link shows FORBIDDEN', async ({ page, request }) => {
  const user = await createUser(request, await demoAdminToken(request), 'ADMIN');
  await signIn(page, '/admin/dev-center', user);
  await expect(page.getByTestId('forbidden')).toBeVisible();
  await expect(page.getByTestId('forbidden')).toContainText('FORBIDDEN');
  await expect(page.getByRole('link', { name: 'API credentials' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Dev Center' })).toHaveCount(0);
  await expectAccessible(page);
  await openSection(page, 'Users and roles');
  await expect(page.getByRole('heading', { name: 'Users and roles' })).toBeVisible();
  // An Admin may not grant credential rights or make Super Admins: disabled, with the reason.
  await expect(page.getByLabel('Only a Super Admin can grant this').first()).toBeVisible();
});

test('a Team member sees FORBIDDEN states on admin screens, not a crash, and can still work with postings', async ({ page, request }) => {
  const user = await createUser(request, await demoAdminToken(request), 'TEAM_MEMBER');
  await signIn(page, '/admin/', user);
  await expect(page.getByRole('heading', { name: 'Postings' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'API credentials' })).toHaveCount(0);
  for (const section of ['Users and roles', 'Audit log', 'Organization settings']) {
    await openSection(page, section);
    await expect(page.getByTestId('forbidden')).toBeVisible();
  }
  await expectAccessible(page);
  await openSection(page, 'Applications');
  await expect(page.getByRole('heading', { name: 'Applications' })).toBeVisible();
});
