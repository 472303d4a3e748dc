import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { adminGql, demoAdminToken } from '../support/admin-api';
import { expectAccessible, openSection, signIn } from './console-helpers';

// `UPDATE_SCREENSHOTS=1 npm run test:e2e -- test/e2e/console/screens-and-layout.spec.ts` refreshes docs/images.
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1';
const IMAGES = path.join(__dirname, '../../../docs/images');

async function shoot(page: Page, name: string) {
  if (SCREENSHOTS) await page.screenshot({ path: path.join(IMAGES, `console-${name}.png`), fullPage: false });
}

/** The page itself never scrolls sideways; wide tables scroll inside their own container. */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
  expect(overflow).toBeLessThanOrEqual(0);
}

const SCREENS: { nav: string; heading: string; name: string }[] = [
  { nav: 'API credentials', heading: 'API credentials', name: 'api-credentials' },
  { nav: 'Dev Center', heading: 'API Credential Management', name: 'dev-center' },
  { nav: 'Users and roles', heading: 'Users and roles', name: 'users' },
  { nav: 'Audit log', heading: 'Audit log', name: 'audit-log' },
  { nav: 'Organization settings', heading: 'Organization settings', name: 'settings' },
  { nav: 'Postings', heading: 'Postings', name: 'postings' },
  { nav: 'Applications', heading: 'Applications', name: 'applications' },
];

test.beforeAll(async ({ request }) => {
  const token = await demoAdminToken(request);
  await adminGql(request, token, 'mutation { createApiCredential(input: { name: "Workday HRIS", description: "User provisioning", presetIds: ["user-directory-sync"] }) { secret } }');
  await adminGql(request, token, 'mutation { createApiCredential(input: { name: "Indeed syndication", partnerId: "jobboard-syndication" }) { secret } }');
});

test('every screen at 1280 px: loads, 0 serious/critical axe findings, no sideways scroll', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/admin/');
  await expect(page.getByRole('heading', { name: 'Sign in to Jobgate' })).toBeVisible();
  await shoot(page, 'sign-in');
  await signIn(page, '/admin/credentials');
  for (const screen of SCREENS) {
    await openSection(page, screen.nav);
    await expect(page.getByRole('heading', { name: screen.heading, exact: true })).toBeVisible();
    await expect(page.getByText(/^Loading/)).toHaveCount(0);
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await shoot(page, screen.name);
  }
  await openSection(page, 'API credentials');
  await page.getByRole('button', { name: 'Generate New Key' }).click();
  await page.getByRole('button', { name: 'Postings management' }).click();
  await expect(page.getByRole('checkbox', { name: 'postings.create', exact: true })).toBeChecked();
  await expectAccessible(page);
  await shoot(page, 'generate-key');
  await openSection(page, 'Dev Center');
  await page.getByRole('button', { name: 'Edit Indeed syndication' }).first().click();
  await expect(page.getByRole('heading', { name: /Manage Permissions/ })).toBeVisible();
  await expectAccessible(page);
  await shoot(page, 'manage-permissions');
  await page.getByRole('link', { name: 'Usage', exact: true }).click();
  await expect(page.getByRole('heading', { name: /Key usage/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Usage per operation' })).toBeVisible();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await shoot(page, 'key-usage');
});

test('at 768 px the navigation folds behind a button and every screen still fits', async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 1000 });
  await signIn(page, '/admin/credentials');
  await expect(page.getByRole('link', { name: 'Users and roles' })).toBeHidden();
  for (const screen of SCREENS) {
    await openSection(page, screen.nav);
    await expect(page.getByRole('heading', { name: screen.heading, exact: true })).toBeVisible();
    // The folded navigation closes again after a choice, leaving the screen to the content.
    await expect(page.getByRole('link', { name: screen.nav, exact: true })).toBeHidden();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
  }
  await openSection(page, 'API credentials');
  await shoot(page, 'api-credentials-768');
  // Keyboard: open a dialog, Tab stays inside it, Escape closes it.
  await page.getByRole('button', { name: 'Reset' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Reset the postings key?' });
  await expect(dialog).toBeVisible();
  for (let i = 0; i < 4; i += 1) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((node) => node.contains(node.ownerDocument.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});
