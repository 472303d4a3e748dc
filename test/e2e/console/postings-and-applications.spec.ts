import { expect, test } from '@playwright/test';
import { adminGql, demoAdminToken } from '../support/admin-api';
import { expectAccessible, openSection, signIn, uniqueName } from './console-helpers';

test('postings: publish and close; applications: list and download a resume', async ({ page, request }) => {
  // Two axe runs on list pages took over a minute together at load average ~25 on the shared machine.
  test.setTimeout(120_000);
  const token = await demoAdminToken(request);
  const title = uniqueName('Console Test Engineer');
  const posting = await adminGql<{ createPosting: { id: string } }>(
    request,
    token,
    'mutation($t: String!) { createPosting(input: { title: $t, locations: [{ name: "Berlin" }] }) { id } }',
    { t: title },
  );
  const upload = await request.post('/uploads', {
    headers: { authorization: `Bearer ${token}` },
    multipart: { purpose: 'RESUME', file: { name: 'ada.txt', mimeType: 'text/plain', buffer: Buffer.from('Ada Lovelace\nAnalytical engines\n') } },
  });
  expect(upload.status()).toBe(201);
  const email = `ada-${Date.now()}@example.com`;
  await adminGql(request, token, 'mutation($p: ID!, $i: ApplicationInput!) { createApplication(postingId: $p, input: $i) { id } }', {
    p: posting.createPosting.id,
    i: { name: 'Ada Lovelace', email, resumeUploadId: ((await upload.json()) as { id: string }).id },
  });

  await signIn(page, '/admin/postings');
  await expect(page.getByRole('heading', { name: 'Postings' })).toBeVisible();
  await expectAccessible(page);
  const row = page.getByTestId(`posting-row-${title}`);
  await expect(row).toContainText('Draft');
  await row.getByRole('button', { name: `Publish ${title}` }).click();
  // Publishing goes through a dialog listing what each destination still lacks (distribution.spec.ts checks its content).
  await page.getByRole('dialog', { name: `Publish ${title}` }).getByRole('button', { name: 'Publish' }).click();
  await expect(row).toContainText('Published');
  await expect(row.getByRole('button', { name: `Publish ${title}` })).toHaveCount(0);
  await row.getByRole('button', { name: `Close ${title}` }).click();
  await expect(row).toContainText('Closed');

  await openSection(page, 'Applications');
  await expect(page.getByRole('heading', { name: 'Applications' })).toBeVisible();
  const application = page.getByTestId(`application-row-${email}`);
  await expect(application).toContainText(title);
  await expectAccessible(page);
  const [download] = await Promise.all([page.waitForEvent('download'), application.getByRole('button', { name: 'Download resume ada.txt' }).click()]);
  expect(download.suggestedFilename()).toBe('ada.txt');
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).toString()).toContain('Analytical engines');
});
