import { expect, test, type Page } from '@playwright/test';
import { demoAdminToken } from '../support/admin-api';
import { createUser, openSection, signIn } from './console-helpers';

const SIGN_IN = { name: 'Sign in to Jobgate' };

/** Everything a script on the page could read: web storage and the script-visible cookies. */
async function scriptVisibleStorage(page: Page): Promise<string> {
  return page.evaluate<string>('JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie');
}

test('a reload keeps the session and the page; so does a new tab', async ({ page, context, request }) => {
  const user = await createUser(request, await demoAdminToken(request), 'ADMIN');
  await signIn(page, '/admin/audit', user);
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByRole('heading', SIGN_IN)).toHaveCount(0);
  expect(new URL(page.url()).pathname).toBe('/admin/audit');

  const second = await context.newPage();
  await second.goto('/admin/users');
  await expect(second.getByRole('heading', { name: 'Users and roles' })).toBeVisible();
  await expect(second.getByText(user.name).first()).toBeVisible();
});

test('the session cookie is HttpOnly and SameSite=Strict, and no token is in storage or script-visible cookies', async ({ page, context }) => {
  await signIn(page, '/admin/settings');
  await expect(page.getByRole('heading', { name: 'Organization settings' })).toBeVisible();
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === 'jobgate_session');
  expect(session).toBeDefined();
  expect(session!.value).toMatch(/^jgs_/);
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/', secure: false });
  const visible = await scriptVisibleStorage(page);
  expect(visible).not.toMatch(/jgs_/);
  expect(visible).not.toContain('jobgate_session');
  expect(page.url()).not.toMatch(/jgs_/);
});

test('signing out in one tab signs out the other; signing in again in one signs in both', async ({ page, context }) => {
  await signIn(page, '/admin/postings');
  await expect(page.getByRole('heading', { name: 'Postings' })).toBeVisible();
  const other = await context.newPage();
  await other.goto('/admin/audit');
  await expect(other.getByRole('heading', { name: 'Audit log' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', SIGN_IN)).toBeVisible();
  await expect(page.getByText('You have signed out.')).toBeVisible();
  // The other tab hears it at once; its address still names the page to return to.
  await expect(other.getByRole('heading', SIGN_IN)).toBeVisible();
  expect(new URL(other.url()).pathname).toBe('/admin/audit');
  expect((await context.cookies()).find((c) => c.name === 'jobgate_session')).toBeUndefined();

  // A reload after sign-out stays signed out.
  await page.reload();
  await expect(page.getByRole('heading', SIGN_IN)).toBeVisible();

  await signIn(page, '/admin/postings');
  await expect(other.getByRole('heading', { name: 'Audit log' })).toBeVisible();
});

test('a tab that missed the sign-out ends at sign-in on its next action', async ({ page, context }) => {
  await signIn(page, '/admin/postings');
  await expect(page.getByRole('heading', { name: 'Postings' })).toBeVisible();
  const other = await context.newPage();
  await other.goto('/admin/audit');
  await expect(other.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  // Sign out the way a tab the other cannot hear would (e.g. another window's console build):
  // the server ends the session; nothing is broadcast.
  const status = await page.evaluate(async () => {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-jobgate-csrf': '1' },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    return `${response.status} ${await response.text()}`;
  });
  expect(status).toBe('200 {"data":{"logout":true}}\n');

  // A section whose data this tab has not loaded yet (the audit page already holds the users list).
  await openSection(other, 'Organization settings');
  await expect(other.getByRole('heading', SIGN_IN)).toBeVisible();
  await expect(other.getByText(/Your session has ended/)).toBeVisible();
  expect(new URL(other.url()).pathname).toBe('/admin/settings');
});
