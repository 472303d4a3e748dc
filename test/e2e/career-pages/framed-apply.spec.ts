import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { adminGql, demoAdminToken } from '../support/admin-api';
import { applicationsFor, BOARD, closePosting, createPosting, fillBasics } from './support';

/**
 * The hosted apply form inside another site's page. The framing pages are served by a
 * small server on `localhost` while the service runs on `127.0.0.1`: two different
 * sites, as a customer's careers site and Jobgate are, so the browser applies its
 * cross-site rules (a SameSite cookie would neither be stored nor sent there).
 */
let server: http.Server;
let sitePort = 0;
const pages = new Map<string, string>();
const siteOrigin = () => `http://localhost:${sitePort}`;
/** A second origin on the same server's port + path cannot be told apart, so the "other" site is another host name. */
const otherOrigin = () => `http://127.0.0.2:${sitePort}`;

test.beforeAll(async () => {
  server = http.createServer((req, res) => {
    const html = pages.get(new URL(req.url ?? '/', 'http://x').pathname);
    res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(html ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
  sitePort = (server.address() as AddressInfo).port;
});

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const setAllowedOrigins = (request: Parameters<typeof demoAdminToken>[0], token: string, origins: string[]) =>
  adminGql(request, token, 'mutation($o: [String!]) { updateOrganizationSettings(input: { allowedOrigins: $o }) { id } }', { o: origins });

test('a page of an allowed origin frames the apply form, and the framed form is sent and stored', async ({ page, request, baseURL }) => {
  const token = await demoAdminToken(request);
  const postingId = await createPosting(request, token, {});
  await setAllowedOrigins(request, token, [siteOrigin()]);
  try {
    pages.set('/careers.html', `<!DOCTYPE html><title>Careers</title><h1>Our careers</h1><iframe title="Apply" src="${baseURL}${BOARD}/${postingId}/apply" width="900" height="1400"></iframe>`);
    await page.goto(`${siteOrigin()}/careers.html`);
    const frame = page.frameLocator('iframe[title="Apply"]');
    await expect(frame.getByRole('heading', { level: 1 })).toContainText('Apply for');
    const email = `e2e-framed-${randomUUID().slice(0, 8)}@example.com`;
    await fillBasics(frame, email);
    await frame.getByRole('button', { name: 'Submit application' }).click();
    await expect(frame.getByRole('heading', { name: 'Thank you for applying' })).toBeVisible();
    // The parent page stayed where it was: the whole flow ran inside the frame.
    expect(page.url()).toBe(`${siteOrigin()}/careers.html`);
    const mine = (await applicationsFor(request, token, postingId)).filter((a) => a.email === email);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.resume).toMatchObject({ filename: 'resume.pdf' });
  } finally {
    await setAllowedOrigins(request, token, []);
    await closePosting(request, token, postingId);
  }
});

test('a page of an origin that is not allowed can neither frame the form nor post it', async ({ page, request, baseURL }) => {
  const token = await demoAdminToken(request);
  const postingId = await createPosting(request, token, {});
  await setAllowedOrigins(request, token, [siteOrigin()]);
  try {
    const formUrl = `${baseURL}${BOARD}/${postingId}/apply`;
    pages.set('/frame.html', `<!DOCTYPE html><title>Other</title><iframe title="Apply" src="${formUrl}"></iframe>`);
    const refused = page.waitForEvent('console', (message) => /frame-ancestors/.test(message.text()));
    await page.goto(`${otherOrigin()}/frame.html`);
    await refused;
    await expect(page.frameLocator('iframe[title="Apply"]').locator('input[name="token"]')).toHaveCount(0);

    // A forger holding a real, fresh token (anyone can fetch the form) still cannot make a visitor's browser send it.
    const formHtml = await (await request.get(formUrl)).text();
    const formToken = /name="token" value="([^"]+)"/.exec(formHtml)![1]!;
    const email = `e2e-forged-${randomUUID().slice(0, 8)}@example.com`;
    pages.set(
      '/forge.html',
      `<!DOCTYPE html><title>Win a prize</title><form method="post" enctype="multipart/form-data" action="${formUrl}">` +
        `<input type="hidden" name="token" value="${formToken}"><input type="hidden" name="name" value="Mallory"><input type="hidden" name="email" value="${email}">` +
        `<button>Claim</button></form>`,
    );
    await page.goto(`${otherOrigin()}/forge.html`);
    const [response] = await Promise.all([page.waitForResponse((r) => r.url() === formUrl && r.request().method() === 'POST'), page.getByRole('button', { name: 'Claim' }).click()]);
    expect(response.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'Please try again' })).toBeVisible();
    expect((await applicationsFor(request, token, postingId)).filter((a) => a.email === email)).toHaveLength(0);
  } finally {
    await setAllowedOrigins(request, token, []);
    await closePosting(request, token, postingId);
  }
});
