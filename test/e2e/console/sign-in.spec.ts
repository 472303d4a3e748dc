import { expect, test } from '@playwright/test';
import { adminGql, demoAdminToken } from '../support/admin-api';
import { DEMO_ORG } from '../support/demo';
import { createUser, expectAccessible, openSection, signIn } from './console-helpers';

test('wrong password shows "Invalid credentials" from UNAUTHENTICATED; the right one signs in; Sign out returns to the form', async ({ page }) => {
  await page.goto('/admin/');
  await expect(page.getByRole('heading', { name: 'Sign in to Jobgate' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(/^Organization/).fill(DEMO_ORG.slug);
  await page.getByLabel(/^E-mail/).fill(DEMO_ORG.email);
  await page.getByLabel(/^Password/).fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('sign-in-error')).toHaveText(/Invalid credentials/);

  await page.getByLabel(/^Password/).fill(DEMO_ORG.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'API credentials' })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/admin/credentials');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Jobgate' })).toBeVisible();
  await expect(page.getByText('You have signed out.')).toBeVisible();
});

test('too many failures show the rate-limit message from RATE_LIMITED', async ({ page, request }) => {
  const token = await demoAdminToken(request);
  const user = await createUser(request, token, 'TEAM_MEMBER');
  // The API allows 10 failures per account per 15 minutes; spend them through the API.
  for (let i = 0; i < 10; i += 1) {
    await request.post('/graphql', {
      data: { query: 'mutation($s:String!,$e:String!){ login(organizationSlug:$s,email:$e,password:"wrong-password-x"){ token } }', variables: { s: DEMO_ORG.slug, e: user.email } },
    });
  }
  await page.goto('/admin/postings');
  await page.getByLabel(/^Organization/).fill(DEMO_ORG.slug);
  await page.getByLabel(/^E-mail/).fill(user.email);
  await page.getByLabel(/^Password/).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('sign-in-error')).toHaveText(/Too many sign-in attempts\. Try again in \d+ minute/);
});

test('an ended session returns to sign-in on the same page, and signing in again shows that page', async ({ page, request }) => {
  const token = await demoAdminToken(request);
  const user = await createUser(request, token, 'ADMIN');
  await signIn(page, '/admin/users', user);
  await expect(page.getByRole('heading', { name: 'Users and roles' })).toBeVisible();

  // Deactivation ends every session of the user at once; reactivating lets them sign in again.
  await adminGql(request, token, 'mutation($id: ID!){ deactivateUser(id: $id) { id } }', { id: user.id });
  await adminGql(request, token, 'mutation($id: ID!){ reactivateUser(id: $id) { id } }', { id: user.id });

  await openSection(page, 'Audit log');
  await expect(page.getByRole('heading', { name: 'Sign in to Jobgate' })).toBeVisible();
  await expect(page.getByText(/Your session has ended/)).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/admin/audit');

  await page.getByLabel(/^Organization/).fill(DEMO_ORG.slug);
  await page.getByLabel(/^E-mail/).fill(user.email);
  await page.getByLabel(/^Password/).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
});

// Where the token is (an HttpOnly cookie) and is not (storage, script-visible cookies, the URL):
// session-persistence.spec.ts.
