import { expect, test, type APIRequestContext } from '@playwright/test';
import { adminGql, demoAdminToken } from '../support/admin-api';
import { createUser, expectAccessible, openSection, signIn, uniqueName } from './console-helpers';

const RETENTION = '{ organization { settings { applicationRetentionDays consentedRetentionDays } } }';
const CLEAR_RETENTION = 'mutation { updateOrganizationSettings(input: { clearApplicationRetention: true }) { id } }';

async function createPosting(request: APIRequestContext, token: string, title: string): Promise<string> {
  const data = await adminGql<{ createPosting: { id: string } }>(request, token, 'mutation($t: String!) { createPosting(input: { title: $t, locations: [{ name: "Berlin" }] }) { id } }', { t: title });
  return data.createPosting.id;
}

async function createApplication(request: APIRequestContext, token: string, postingId: string, name: string, email: string, resume?: string): Promise<string> {
  let resumeUploadId: string | undefined;
  if (resume) {
    const upload = await request.post('/uploads', { headers: { authorization: `Bearer ${token}` }, multipart: { purpose: 'RESUME', file: { name: 'cv.txt', mimeType: 'text/plain', buffer: Buffer.from(resume) } } });
    expect(upload.status()).toBe(201);
    resumeUploadId = ((await upload.json()) as { id: string }).id;
  }
  const data = await adminGql<{ createApplication: { id: string } }>(request, token, 'mutation($p: ID!, $i: ApplicationInput!) { createApplication(postingId: $p, input: $i) { id } }', {
    p: postingId,
    i: { name, email, resumeUploadId },
  });
  return data.createApplication.id;
}

async function applicationsOf(request: APIRequestContext, token: string, email: string) {
  const data = await adminGql<{ applications: { nodes: { id: string; email: string; legalHold: boolean }[] } }>(
    request,
    token,
    'query($s: String!) { applications(first: 100, filter: { search: $s }) { nodes { id email legalHold } } }',
    { s: email },
  );
  return data.applications.nodes.filter((a) => a.email === email);
}

test('data rights: retention periods with field errors, and privacy notice versions published and listed', async ({ page, request }) => {
  // Five axe passes and two screens' worth of saves: on a busy shared machine this outlasts the default minute.
  test.slow();
  const token = await demoAdminToken(request);
  try {
    await signIn(page, '/admin/settings');
    await openSection(page, 'Data rights');
    await expect(page.getByRole('heading', { name: 'Data rights', level: 1 })).toBeVisible();
    await expectAccessible(page);

    const days = page.getByLabel(/^Days to keep applications/);
    const consented = page.getByLabel(/^Days to keep with consent/);
    const save = page.getByRole('button', { name: 'Save retention' });
    // Checked in the browser first, each message under its own field.
    await days.fill('0');
    await save.click();
    await expect(page.getByText('Days to keep applications must be a whole number from 1 to 3650')).toBeVisible();
    await expect(days).toHaveAttribute('aria-invalid', 'true');
    await days.fill('365');
    await consented.fill('30');
    await save.click();
    await expect(page.getByText('Days to keep with consent must be at least days to keep applications (365)')).toBeVisible();
    await expect(consented).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page);

    await days.fill('180');
    await consented.fill('730');
    await save.click();
    await expect(page.getByText('Retention saved.')).toBeVisible();
    expect((await adminGql<{ organization: { settings: unknown } }>(request, token, RETENTION)).organization.settings).toEqual({ applicationRetentionDays: 180, consentedRetentionDays: 730 });

    // Emptying the longer period means "the same as the base one".
    await consented.fill('');
    await save.click();
    await expect(page.getByText('Retention saved.')).toBeVisible();
    expect((await adminGql<{ organization: { settings: unknown } }>(request, token, RETENTION)).organization.settings).toEqual({ applicationRetentionDays: 180, consentedRetentionDays: 180 });

    // Privacy notice: the text is required, the link must be http(s); each publish adds a version.
    const before = (await adminGql<{ privacyNotices: { version: number }[] }>(request, token, '{ privacyNotices { version } }')).privacyNotices;
    const next = (before[0]?.version ?? 0) + 1;
    const text = page.getByLabel(/^Notice text/);
    const url = page.getByLabel(/^Policy URL/);
    await text.fill('');
    await url.fill('ftp://acme.example/privacy');
    await page.getByRole('button', { name: `Publish version ${next}` }).click();
    await expect(page.getByText('Notice text is required')).toBeVisible();
    await expect(page.getByText('Policy URL must be an http(s) link')).toBeVisible();
    await expectAccessible(page);

    const first = uniqueName('We keep your application for 180 days.');
    await text.fill(first);
    await url.fill('https://acme.example/privacy');
    await page.getByRole('button', { name: `Publish version ${next}` }).click();
    await expect(page.getByText(`Version ${next} published.`)).toBeVisible();
    await expect(page.getByTestId(`notice-version-${next}`)).toContainText(first);
    await expect(page.getByTestId(`notice-version-${next}`)).toContainText('(current)');

    // The form starts from the current text; the new version supersedes it, the old one stays listed.
    await expect(text).toHaveValue(first);
    const second = uniqueName('We keep your application for 180 days, or 2 years with your consent.');
    await text.fill(second);
    await page.getByRole('button', { name: `Publish version ${next + 1}` }).click();
    await expect(page.getByText(`Version ${next + 1} published.`)).toBeVisible();
    await expect(page.getByTestId(`notice-version-${next + 1}`)).toContainText('(current)');
    await expect(page.getByTestId(`notice-version-${next}`)).toContainText(first);
    await expect(page.getByTestId(`notice-version-${next}`)).not.toContainText('(current)');
    await expectAccessible(page);

    const current = await adminGql<{ organization: { privacyNotice: { version: number; text: string; url: string } } }>(request, token, '{ organization { privacyNotice { version text url } } }');
    expect(current.organization.privacyNotice).toEqual({ version: next + 1, text: second, url: 'https://acme.example/privacy' });
  } finally {
    await adminGql(request, token, CLEAR_RETENTION);
  }
});

test('data rights: legal hold on an application, export by e-mail as a JSON download with expiring links, erasure after a confirmation that lists what goes', async ({ page, request }) => {
  test.slow();
  const token = await demoAdminToken(request);
  const tag = Date.now();
  const email = `grace-${tag}@example.com`;
  const bystander = `grace-${tag}@example.org`;
  const backend = uniqueName('Data Rights Backend');
  const frontend = uniqueName('Data Rights Frontend');
  const [backendId, frontendId] = [await createPosting(request, token, backend), await createPosting(request, token, frontend)];
  await createApplication(request, token, backendId, 'Grace Hopper', email, 'Grace Hopper\nCOBOL\n');
  const heldId = await createApplication(request, token, frontendId, 'Grace Hopper', email);
  await createApplication(request, token, frontendId, 'Grace Bystander', bystander);

  await signIn(page, '/admin/applications');
  await expect(page.getByRole('columnheader', { name: 'Legal hold' })).toBeVisible();
  const heldRow = page.getByTestId(`application-row-${email}`).filter({ hasText: frontend });
  // click, not check(): the switch shows the server's answer, so it flips when the mutation returns, and
  // check() fails when the state has not changed the moment its click is done (CI, 2026-12-05).
  await heldRow.getByRole('switch', { name: 'Legal hold for Grace Hopper' }).click();
  await expect.poll(async () => (await applicationsOf(request, token, email)).find((a) => a.id === heldId)?.legalHold).toBe(true);
  await expect(heldRow.getByRole('switch', { name: 'Legal hold for Grace Hopper' })).toBeChecked();
  await expectAccessible(page);

  await openSection(page, 'Data rights');
  const address = page.getByLabel(/^Candidate e-mail/);
  await page.getByRole('button', { name: 'Export data' }).click();
  await expect(page.getByText('Candidate e-mail is required')).toBeVisible();
  await address.fill('grace at example');
  await page.getByRole('button', { name: 'Erase data…' }).click();
  await expect(page.getByText('Candidate e-mail must be an e-mail address')).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expectAccessible(page);

  // Export: the browser saves the JSON document; its file links work now and say when they stop.
  await address.fill(email);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export data' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^candidate-data-grace-\d+-example-com-\d{4}-\d{2}-\d{2}\.json$/);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  const exported = JSON.parse(Buffer.concat(chunks).toString()) as {
    applications: { email: string; posting: { title: string }; legalHold: boolean }[];
    files: { filename: string; downloadUrl: string; downloadUrlExpiresAt: string }[];
  };
  expect(exported.applications.map((a) => a.posting.title).sort()).toEqual([backend, frontend].sort());
  expect(exported.applications.every((a) => a.email === email)).toBe(true);
  expect(exported.files).toHaveLength(1);
  expect(new Date(exported.files[0]!.downloadUrlExpiresAt).getTime()).toBeGreaterThan(Date.now());
  const fileLink = await request.get(exported.files[0]!.downloadUrl);
  expect(fileLink.status()).toBe(200);
  expect(await fileLink.text()).toContain('COBOL');
  await expect(page.getByText(/Exported 2 applications to candidate-data-.*\.json\. The file links in it expire in 24 hours\./)).toBeVisible();

  // Erase: the confirmation lists both applications (one held, erased all the same) before anything goes.
  await page.getByRole('button', { name: 'Erase data…' }).click();
  const dialog = page.getByRole('dialog', { name: "Erase this candidate's data?" });
  await expect(dialog.getByTestId('erasure-summary')).toHaveText(`2 applications and 1 resume of ${email} will be erased for good, with the personal data in their audit trail. 1 on legal hold will be erased too.`);
  await expect(dialog.getByRole('list', { name: 'Applications to erase' }).getByRole('listitem')).toHaveCount(2);
  await expect(dialog).toContainText(backend);
  await expect(dialog).toContainText(frontend);
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(await applicationsOf(request, token, email)).toHaveLength(2);

  await page.getByRole('button', { name: 'Erase data…' }).click();
  await dialog.getByRole('button', { name: 'Erase everything' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Erased 2 applications, 1 file, 1 candidate record;' })).toBeVisible();
  expect(await applicationsOf(request, token, email)).toHaveLength(0);
  expect(await applicationsOf(request, token, bystander)).toHaveLength(1);
  expect((await request.get(exported.files[0]!.downloadUrl)).status()).toBeGreaterThanOrEqual(400);

  // Idempotent: a second request finds nothing and says so.
  await page.getByRole('button', { name: 'Erase data…' }).click();
  await expect(dialog).toContainText(`No application with ${email} is stored.`);
  await dialog.getByRole('button', { name: 'Erase everything' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Erased 0 applications, 0 files, 0 candidate records;' })).toBeVisible();
});

test('data rights: controls follow the permissions — a team member gets no erase, export or legal hold; an admin erases but cannot change retention', async ({ page, request }) => {
  test.slow();
  const token = await demoAdminToken(request);
  const member = await createUser(request, token, 'TEAM_MEMBER');
  const admin = await createUser(request, token, 'ADMIN');
  const postingId = await createPosting(request, token, uniqueName('Data Rights Member'));
  await createApplication(request, token, postingId, 'Katherine Johnson', `katherine-${Date.now()}@example.com`);

  await signIn(page, '/admin/applications', member);
  await expect(page.getByRole('table', { name: 'Applications' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Legal hold' })).toHaveCount(0);
  await expect(page.getByRole('switch', { name: /^Legal hold for/ })).toHaveCount(0);
  await openSection(page, 'Data rights');
  await expect(page.getByRole('heading', { name: 'Data rights', level: 1 })).toBeVisible();
  await expect(page.getByTestId('forbidden')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export data' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Erase data…' })).toHaveCount(0);
  await expect(page.getByLabel(/^Candidate e-mail/)).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signIn(page, '/admin/data-rights', admin);
  await expect(page.getByRole('button', { name: 'Export data' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Erase data…' })).toBeVisible();
  await expect(page.getByText('Only a Super Admin can change retention or publish a privacy notice.')).toBeVisible();
  await expect(page.getByLabel(/^Days to keep applications/)).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Save retention' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Publish version/ })).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Privacy notice versions' }).or(page.getByText('No notice published yet'))).toBeVisible();
  await expectAccessible(page);

  // On a phone the screen reflows: nothing scrolls sideways but the versions table, inside its own box.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('button', { name: 'Erase data…' })).toBeVisible();
  expect(await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBeLessThanOrEqual(0);
  await expectAccessible(page);
});
