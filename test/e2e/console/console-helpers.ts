import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { adminGql } from '../support/admin-api';
import { DEMO_ORG } from '../support/demo';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  name: string;
}

/** A fresh user made through the admin API, so specs never depend on each other. */
export async function createUser(
  request: APIRequestContext,
  token: string,
  role: 'SUPER_ADMIN' | 'ADMIN' | 'TEAM_MEMBER',
  canManageApiCredentials = false,
): Promise<TestUser> {
  const tag = randomUUID().slice(0, 8);
  const user = { email: `console-${tag}@acme.example`, password: `pw-${tag}-console-e2e`, name: `Console ${role.toLowerCase()} ${tag}` };
  const data = await adminGql<{ createUser: { id: string } }>(
    request,
    token,
    'mutation($i: CreateUserInput!){ createUser(input: $i) { id } }',
    { i: { email: user.email, name: user.name, role, password: user.password } },
  );
  const id = data.createUser.id;
  if (canManageApiCredentials) {
    await adminGql(request, token, 'mutation($id: ID!){ updateUser(id: $id, input: { canManageApiCredentials: true }) { id } }', { id });
  }
  return { ...user, id };
}

/** Opens `path` and signs in on the form the console shows there. */
export async function signIn(page: Page, path: string, who: { email: string; password: string } = DEMO_ORG) {
  // Settled dialogs for axe (the console honours reduced motion: no fade-in half-contrast frames).
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(path);
  await page.getByLabel(/^Organization/).fill(DEMO_ORG.slug);
  await page.getByLabel(/^E-mail/).fill(who.email);
  await page.getByLabel(/^Password/).fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** Follows the console's own navigation, as a user clicks (no page load between sections). */
export async function openSection(page: Page, label: string) {
  const link = page.getByRole('link', { name: label, exact: true });
  if (!(await link.isVisible())) await page.getByRole('button', { name: 'Toggle navigation' }).click();
  await link.click();
}

/** axe-core: no serious or critical violation on what the page shows now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).slice(0, 3).join(' | ')}`);
  expect(bad).toEqual([]);
}

/** Calls the admin API from the page with `fetch`, as a customer's integration would. */
export async function callWithKey(page: Page, secret: string, query: string) {
  return page.evaluate(
    async ({ secret, query }) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] };
      return { status: response.status, data: body.data ?? null, code: body.errors?.[0]?.extensions?.code ?? null };
    },
    { secret, query },
  );
}

/** A real 1×1 PNG. */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

export function uniqueName(prefix: string): string {
  return `${prefix} ${randomUUID().slice(0, 6)}`;
}
