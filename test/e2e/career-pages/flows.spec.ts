import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { demoAdminToken } from '../support/admin-api';
import { applicationsFor, BOARD, closePosting, createPosting, fillBasics, RESUME } from './support';

/** From the feed's <url> to the posting page, the form and the thank-you page. */
async function applyFromFeed(page: Page, email: string): Promise<string> {
  const feed = await page.request.get('/feeds/acme.xml');
  const xml = await feed.text();
  const url = /<url><!\[CDATA\[(.*?)\]\]><\/url>/.exec(xml)![1]!;
  const postingId = url.split('/').pop()!;
  const posting = await page.goto(url);
  expect(posting?.status()).toBe(200);
  await page.getByRole('link', { name: 'Apply for this job' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Apply for');
  await fillBasics(page, email);
  // Required demo questions, when the posting has any, are answered by kind.
  for (const textbox of await page.locator('input[name^="q"][type="text"], textarea[name^="q"]').all()) await textbox.fill('An answer.');
  for (const group of await page.locator('fieldset:has(input[name^="q"])').all()) await group.locator('input').first().check();
  await page.getByRole('button', { name: 'Submit application' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you for applying' })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(`${BOARD}/${postingId}/thanks`);
  return postingId;
}

test.describe('apply from a feed link', () => {
  test('with JavaScript: the application and its resume reach the admin API', async ({ page, request }) => {
    const email = `e2e-js-${randomUUID().slice(0, 8)}@example.com`;
    const postingId = await applyFromFeed(page, email);
    const token = await demoAdminToken(request);
    const mine = (await applicationsFor(request, token, postingId)).find((a) => a.email === email);
    expect(mine?.name).toBe('Ada Lovelace');
    expect(mine?.resume).toMatchObject({ filename: 'resume.pdf', contentType: 'application/pdf' });
    const download = await request.get(mine!.resume!.downloadUrl);
    expect(download.status()).toBe(200);
    expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('the plain multipart form applies the same way', async ({ page, request }) => {
      const email = `e2e-nojs-${randomUUID().slice(0, 8)}@example.com`;
      const postingId = await applyFromFeed(page, email);
      const token = await demoAdminToken(request);
      const mine = (await applicationsFor(request, token, postingId)).find((a) => a.email === email);
      expect(mine?.resume?.filename).toBe('resume.pdf');
    });
  });
});

test('validation errors are shown next to their fields, with a summary linking to them', async ({ page, request }) => {
  const token = await demoAdminToken(request);
  const postingId = await createPosting(request, token, { questions: [{ id: 'why', label: 'Why us?', kind: 'TEXT', required: true }] });
  await page.goto(`${BOARD}/${postingId}/apply`);
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByLabel('Phone').fill('+1 555 0100');
  await page.getByRole('button', { name: 'Submit application' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('There is a problem with your application');
  await expect(page.locator('#field-name-error')).toHaveText('Error: is required');
  await expect(page.locator('#field-email-error')).toHaveText('Error: is not a valid e-mail address');
  await expect(page.locator('#field-q0-error')).toHaveText('Error: is required');
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Email')).toHaveValue('not-an-email');
  await expect(page.getByLabel('Phone')).toHaveValue('+1 555 0100');
  await summary.getByRole('link', { name: /Email/ }).click();
  expect(new URL(page.url()).hash).toBe('#field-email');
  expect(await applicationsFor(request, token, postingId)).toHaveLength(0);
  await closePosting(request, token, postingId);
});

test('a double submit of one form creates one application', async ({ page, request }) => {
  const token = await demoAdminToken(request);
  const postingId = await createPosting(request, token, {});
  await page.goto(`${BOARD}/${postingId}/apply`);
  const formToken = await page.locator('input[name="token"]').inputValue();
  const email = `e2e-double-${randomUUID().slice(0, 8)}@example.com`;
  // The same form (one token) sent twice at once, then once more.
  const send = () =>
    page.request.post(`${BOARD}/${postingId}/apply`, {
      // A plausible PDF: the upload check refuses a bare `%PDF-` signature.
      multipart: { token: formToken, name: 'Double Clicker', email, resume: RESUME },
      maxRedirects: 0,
    });
  const statuses = [...(await Promise.all([send(), send()])), await send()].map((r) => r.status());
  expect(statuses).toEqual([303, 303, 303]);
  expect((await applicationsFor(request, token, postingId)).filter((a) => a.email === email)).toHaveLength(1);
  await closePosting(request, token, postingId);
});

test('every invisible posting answers the same 404 page as an unknown id', async ({ page, request }) => {
  const token = await demoAdminToken(request);
  const invisible = {
    draft: await createPosting(request, token, { state: 'DRAFT' }),
    internal: await createPosting(request, token, { state: 'INTERNAL' }),
    closed: await createPosting(request, token, { state: 'CLOSED' }),
    confidential: await createPosting(request, token, { confidential: true }),
    expired: await createPosting(request, token, { expiresAt: new Date(Date.now() - 60_000).toISOString() }),
  };
  const unknown = await page.goto(`${BOARD}/00000000-0000-4000-8000-000000000000`);
  expect(unknown?.status()).toBe(404);
  const unknownText = await page.locator('main').innerText();
  for (const [state, id] of Object.entries(invisible)) {
    for (const path of [`${BOARD}/${id}`, `${BOARD}/${id}/apply`]) {
      const res = await page.goto(path);
      expect(res?.status(), `${state} ${path}`).toBe(404);
      expect(await page.locator('main').innerText(), state).toBe(unknownText);
    }
  }
  expect((await page.goto('/jobs/no-such-org'))?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('the board filters, searches and pages with links only (no JavaScript)', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(BOARD);
  const total = await page.locator('.total').innerText();
  expect(total).toMatch(/^\d+ open jobs?$/);
  await page.getByLabel('Search jobs').fill('engin');
  await page.getByRole('button', { name: 'Show jobs' }).click();
  expect(new URL(page.url()).searchParams.get('q')).toBe('engin');
  await expect(page.locator('.total')).toContainText('match your filters');
  await expect(page.locator('.postings a').first()).toBeVisible();
  await page.getByRole('link', { name: 'Clear all filters' }).click();
  await page.getByLabel('Team').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Show jobs' }).click();
  expect(new URL(page.url()).searchParams.get('team')).toBeTruthy();
  await context.close();
});
