import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { verifyBoth } from '../../webhooks/receiver';
import { adminGql, demoAdminToken } from '../support/admin-api';
import { createUser, expectAccessible, openSection, signIn, uniqueName } from './console-helpers';

const CREATE_KEY = 'mutation($i: CreateApiCredentialInput!){ createApiCredential(input: $i) { credential { id } } }';
const ROTATE_KEY = 'mutation($id: ID!){ rotateApiCredential(id: $id) { secret } }';
const CREATE_ENDPOINT = 'mutation($i: CreateWebhookEndpointInput!){ createWebhookEndpoint(input: $i) { secret endpoint { id } } }';

// Whole flows with deliveries, retries and an axe run per screen: longer than one screen's spec, also on a busy machine.
test.describe.configure({ timeout: 240_000 });
const expect = baseExpect.configure({ timeout: 15_000 });

interface Delivery {
  path: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * A real receiver on 127.0.0.1: records every delivery by path and answers with what `answer`
 * says for that path (200 "ok from receiver" unless told otherwise).
 */
class HookReceiver {
  readonly received: Delivery[] = [];
  readonly answers = new Map<string, { status: number; body: string }>();
  private readonly server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      this.received.push({ path, headers: req.headers as Record<string, string>, body: Buffer.concat(chunks).toString('utf8') });
      const answer = this.answers.get(path) ?? { status: 200, body: 'ok from receiver' };
      res.writeHead(answer.status, { 'content-type': 'text/plain' });
      res.end(answer.body);
    });
  });

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  /** A URL no other test uses, so each test finds its own row and deliveries. */
  url(tag: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/${tag}-${Math.random().toString(36).slice(2, 8)}`;
  }

  /** The deliveries to `url` after the first `skip` of them, once there are `count` more. */
  async next(url: string, skip: number, count = 1): Promise<Delivery[]> {
    const path = new URL(url).pathname;
    let got: Delivery[] = [];
    await expect.poll(() => (got = this.to(path).slice(skip)).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(count);
    return got;
  }

  count(url: string): number {
    return this.to(new URL(url).pathname).length;
  }

  private to(path: string): Delivery[] {
    return this.received.filter((d) => d.path === path);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const receiver = new HookReceiver();
test.beforeAll(async () => {
  await receiver.start();
});
test.afterAll(async () => {
  await receiver.close();
});

/** Presses Refresh until the message log shows `text` (deliveries are asynchronous). */
async function refreshUntil(page: Page, locator: ReturnType<Page['locator']>) {
  await expect(async () => {
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(locator).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
}

test('add an endpoint with grouped event types, see the secret once, receive a signed event, redeliver it and send a test event', async ({ page, request }) => {
  const token = await demoAdminToken(request);
  await signIn(page, '/admin/credentials');
  // The entry appears once the server said the user holds webhooks.list.
  await expect(page.getByRole('link', { name: 'Webhooks', exact: true })).toBeVisible();
  await openSection(page, 'Webhooks');
  await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Add endpoint' }).click();
  const form = page.getByRole('dialog', { name: 'Add endpoint' });
  for (const group of ['Postings', 'Applications', 'API credentials']) await expect(form.getByRole('group', { name: group })).toBeVisible();
  await expect(form.getByText(/Needs applications\.read\./)).toBeVisible();
  // A Super Admin has confidential access, so the switch is offered.
  await expect(form.getByRole('switch', { name: /Include confidential postings/ })).toBeVisible();
  await expectAccessible(page);

  // The API's refusal shows on the URL field.
  const url = form.getByLabel(/^Endpoint URL/);
  await url.fill('ftp://example.com/hook');
  await form.getByRole('checkbox', { name: 'credential.rotated' }).check();
  await form.getByRole('button', { name: 'Add endpoint' }).click();
  await expect(url).toHaveAttribute('aria-invalid', 'true');

  const target = receiver.url('first');
  await url.fill(target);
  await form.getByLabel(/^Description/).fill('ATS sync');
  await form.getByRole('checkbox', { name: 'posting.published' }).check();
  await form.getByRole('button', { name: 'Add endpoint' }).click();

  const secretDialog = page.getByRole('dialog', { name: /Signing secret for/ });
  await expect(secretDialog.getByText(/cannot be shown again/)).toBeVisible();
  const secret = (await page.getByTestId('new-secret').textContent())?.trim() ?? '';
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32,}$/);
  await expectAccessible(page);
  await secretDialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('new-secret')).toHaveCount(0);

  const row = page.getByTestId(`endpoint-row-${target}`);
  await expect(row).toContainText('posting.published');
  await expect(row).toContainText('credential.rotated');
  await expect(row).toContainText('enabled');

  // A real change: rotating a key emits credential.rotated, signed with the secret the dialog showed.
  const key = await adminGql<{ createApiCredential: { credential: { id: string } } }>(request, token, CREATE_KEY, { i: { name: uniqueName('Hook source'), operations: ['postings.list'] } });
  await adminGql(request, token, ROTATE_KEY, { id: key.createApiCredential.credential.id });
  const [delivery] = await receiver.next(target, 0);
  const payload = verifyBoth(secret, delivery!);
  expect(payload).toMatchObject({ type: 'credential.rotated', data: { id: key.createApiCredential.credential.id } });
  const messageId = delivery!.headers['webhook-id']!;

  await row.getByRole('link', { name: `Messages of ${target}` }).click();
  await expect(page.getByRole('heading', { name: 'Webhook endpoint' })).toBeVisible();
  const message = page.getByTestId(`message-row-${messageId}`);
  await refreshUntil(page, message.getByText('delivered'));
  await expect(message).toContainText('credential.rotated');
  await expect(message.getByRole('list', { name: 'Attempts' })).toContainText('200');
  await expect(message).toContainText('ok');
  await expectAccessible(page);

  // Redeliver: the same webhook-id arrives again.
  await message.getByRole('button', { name: `Redeliver message ${messageId}` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'queued again' })).toBeVisible();
  const [again] = await receiver.next(target, 1);
  expect(again!.headers['webhook-id']).toBe(messageId);
  expect(verifyBoth(secret, again!).type).toBe('credential.rotated');

  // Send test event: a sample of the chosen type.
  await page.getByLabel('Test event type').first().click();
  await page.getByRole('option', { name: 'posting.published' }).click();
  await page.getByRole('button', { name: 'Send test event' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Test event .* queued/ })).toBeVisible();
  const [sample] = await receiver.next(target, 2);
  expect(verifyBoth(secret, sample!)).toMatchObject({ type: 'posting.published', data: { test: true } });
  await refreshUntil(page, page.getByTestId(`message-row-${sample!.headers['webhook-id']}`).getByText('delivered'));
});

test('a failing receiver: attempts with status code and excerpt; 410 disables and flags the endpoint; enable, edit, rotate with grace, delete', async ({ page, request }) => {
  const token = await demoAdminToken(request);
  const target = receiver.url('failing');
  const path = new URL(target).pathname;
  await adminGql(request, token, CREATE_ENDPOINT, { i: { url: target, eventTypes: ['credential.revoked'] } });
  receiver.answers.set(path, { status: 500, body: 'boom from receiver' });

  await signIn(page, '/admin/webhooks');
  const row = page.getByTestId(`endpoint-row-${target}`);
  await row.getByRole('link', { name: `Messages of ${target}` }).click();
  await page.getByRole('button', { name: 'Send test event' }).click();
  // The shortened schedule (1 s, 1 s): three attempts, then the message has failed.
  const attempts = await receiver.next(target, 0, 3);
  const messageId = attempts[0]!.headers['webhook-id']!;
  expect(new Set(attempts.map((d) => d.headers['webhook-id']))).toEqual(new Set([messageId]));
  const message = page.getByTestId(`message-row-${messageId}`);
  await refreshUntil(page, message.getByText('failed', { exact: true }));
  const attemptList = message.getByRole('list', { name: 'Attempts' });
  await expect(attemptList.getByRole('listitem')).toHaveCount(3);
  await expect(attemptList).toContainText('500');
  await expect(attemptList).toContainText('boom from receiver');
  await expect(page.getByText(/Every delivery has failed since/)).toBeVisible();
  await expectAccessible(page);

  // 410 Gone on a redelivery disables the endpoint; the list flags it.
  receiver.answers.set(path, { status: 410, body: 'gone' });
  await message.getByRole('button', { name: `Redeliver message ${messageId}` }).click();
  await receiver.next(target, 3);
  await page.getByRole('link', { name: '← All endpoints' }).click();
  await expect(async () => {
    await page.reload();
    await expect(row.getByTestId('auto-disabled-flag')).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
  await expect(row).toContainText('Disabled automatically: the receiver answered 410 Gone');
  await expectAccessible(page);

  // Enable, by keyboard from the row's action.
  receiver.answers.delete(path);
  await row.getByRole('button', { name: `Enable ${target}` }).focus();
  await page.keyboard.press('Enter');
  const enable = page.getByRole('dialog', { name: 'Enable this endpoint?' });
  await expect(enable.getByRole('button', { name: 'Enable endpoint' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(row).toContainText('enabled');
  await expect(row.getByTestId('auto-disabled-flag')).toHaveCount(0);

  // Edit: description and one more event type.
  await row.getByRole('button', { name: `Edit ${target}` }).click();
  const edit = page.getByRole('dialog', { name: 'Edit endpoint' });
  await expect(edit.getByRole('checkbox', { name: 'credential.revoked' })).toBeChecked();
  await edit.getByLabel(/^Description/).fill('Job board mirror');
  await edit.getByRole('checkbox', { name: 'posting.updated' }).check();
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText('Job board mirror');
  await expect(row).toContainText('posting.updated');

  // Rotate with a grace period: a new secret once, and the previous one signs until the period ends.
  await row.getByRole('button', { name: `Rotate secret ${target}` }).click();
  const rotate = page.getByRole('dialog', { name: 'Rotate the signing secret?' });
  await rotate.getByLabel('Grace period for the previous secret').first().click();
  await rotate.getByRole('option', { name: '7 days (longest)' }).click();
  await expectAccessible(page);
  await rotate.getByRole('button', { name: 'Rotate secret' }).click();
  const secretDialog = page.getByRole('dialog', { name: 'New signing secret' });
  await expect(page.getByTestId('new-secret')).toHaveText(/^whsec_/);
  await secretDialog.getByRole('button', { name: 'Done' }).click();
  await row.getByRole('link', { name: `Messages of ${target}` }).click();
  await expect(page.getByText(/Also signs until/)).toBeVisible();

  // Delete, confirmed: back on the list, the row is gone.
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('dialog', { name: 'Delete this endpoint?' }).getByRole('button', { name: 'Delete endpoint' }).click();
  await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible();
  await expect(page.getByTestId(`endpoint-row-${target}`)).toHaveCount(0);
});

test('a Team Member, who holds no webhooks.* operation, sees no Webhooks entry, and the screen shows FORBIDDEN', async ({ page, request }) => {
  const token = await demoAdminToken(request);
  const member = await createUser(request, token, 'TEAM_MEMBER');
  await signIn(page, '/admin/postings', member);
  await expect(page.getByRole('link', { name: 'Postings', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Webhooks', exact: true })).toHaveCount(0);
  await page.goto('/admin/webhooks');
  await expect(page.getByTestId('forbidden')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add endpoint' })).toHaveCount(0);
  await expectAccessible(page);
});

test('keys expiring within 7 days show a banner on the API credentials page', async ({ page, request }) => {
  const token = await demoAdminToken(request);
  const soon = uniqueName('Expires soon');
  const later = uniqueName('Expires later');
  const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString();
  await adminGql(request, token, CREATE_KEY, { i: { name: soon, operations: ['postings.list'], expiresAt: inDays(3) } });
  await adminGql(request, token, CREATE_KEY, { i: { name: later, operations: ['postings.list'], expiresAt: inDays(30) } });

  await signIn(page, '/admin/credentials');
  const banner = page.getByTestId('expiring-keys-banner');
  await expect(banner).toContainText(/expire?s? within 7 days/);
  await expect(banner).toContainText(soon);
  await expect(banner).not.toContainText(later);
  await expectAccessible(page);
});
