import { expect, test, type APIRequestContext } from '@playwright/test';
import { adminGql, demoAdminToken } from '../support/admin-api';
import { createUser, expectAccessible, openSection, signIn, uniqueName } from './console-helpers';

const APPLY = `mutation($p: ID!, $i: ApplicationInput!, $e: EeoAnswersInput) { applyToPosting(postingId: $p, input: $i, eeo: $e) { applicationId } }`;
const SET_EEO = 'mutation($q: [EeoQuestion!]!) { updateOrganizationSettings(input: { eeoQuestions: $q }) { id } }';

/** A public apply with the postings key, waiting out the apply rate limit when it answers RATE_LIMITED. */
async function applyWithEeo(request: APIRequestContext, key: string, postingId: string, email: string, eeo: Record<string, string>) {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const res = await request.post('/public/graphql', { headers: { authorization: `Bearer ${key}` }, data: { query: APPLY, variables: { p: postingId, i: { name: 'Eeo Candidate', email }, e: eeo } } });
    const body = (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    if (body.errors?.[0]?.extensions?.code === 'RATE_LIMITED') {
      await new Promise((resolve) => setTimeout(resolve, 1100));
      continue;
    }
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return;
  }
  throw new Error('apply kept being rate limited');
}

test('EEO report: aggregates with small cells hidden for a Super Admin; no entry and no access for hiring staff', async ({ page, browser, request }) => {
  // Six rate-limited applies, two sign-ins and four axe runs: slower than the default minute on a shared machine.
  test.setTimeout(180_000);
  const token = await demoAdminToken(request);
  const title = uniqueName('EEO Report Posting');
  const posting = await adminGql<{ createPosting: { id: string } }>(request, token, 'mutation($t: String!) { createPosting(input: { title: $t, locations: [{ name: "Remote" }] }) { id } }', { t: title });
  const postingId = posting.createPosting.id;
  await adminGql(request, token, 'mutation($id: ID!) { setPostingState(id: $id, state: PUBLISHED) { id } }', { id: postingId });
  const key = (await adminGql<{ revealPostingsApiKey: string }>(request, token, 'mutation { revealPostingsApiKey }')).revealPostingsApiKey;
  await adminGql(request, token, SET_EEO, { q: ['GENDER', 'RACE_ETHNICITY'] });
  try {
    // 6 responses: gender 6 FEMALE (MALE and declined, both 0, hidden); race 5 ASIAN and 1 declined (hidden with the empty cells).
    for (let i = 0; i < 6; i += 1) {
      await applyWithEeo(request, key, postingId, `eeo-${Date.now()}-${i}@example.com`, { gender: 'FEMALE', race: i < 5 ? 'ASIAN' : 'DECLINE_TO_ANSWER' });
    }

    await signIn(page, '/admin/postings');
    await openSection(page, 'EEO report');
    await expect(page.getByRole('heading', { name: 'EEO report', level: 1 })).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel(/^Posting/).first().click();
    await page.getByRole('option', { name: title }).click();
    await page.getByRole('button', { name: 'Show report' }).click();
    await expect(page.getByText(/^6 responses\./)).toBeVisible();
    const gender = page.getByRole('table', { name: 'Gender' });
    await expect(gender.getByRole('row', { name: /^Female/ })).toContainText('6');
    await expect(gender.getByRole('row', { name: /^Male/ })).toContainText('Hidden');
    const race = page.getByRole('table', { name: 'Race / ethnicity' });
    await expect(race.getByRole('row', { name: /^Asian/ })).toContainText('5');
    await expect(race.getByRole('row', { name: /^White/ })).toContainText('Hidden');
    await expect(race.getByRole('row', { name: /^I decline to answer/ })).toContainText('Hidden');
    await expectAccessible(page);

    // A period without responses: nothing at all.
    await page.getByRole('textbox', { name: 'To' }).fill('2020-01-01');
    await page.getByRole('button', { name: 'Show report' }).click();
    await expect(page.getByText(/Fewer than 5 candidates answered/)).toBeVisible();
    await expectAccessible(page);

    // Hiring staff: no entry in the navigation, and the screen itself is refused by the API.
    const member = await createUser(request, token, 'TEAM_MEMBER');
    const context = await browser.newContext();
    const memberPage = await context.newPage();
    try {
      await signIn(memberPage, '/admin/postings', member);
      await expect(memberPage.getByRole('link', { name: 'Applications', exact: true })).toBeAttached();
      await expect(memberPage.getByRole('link', { name: 'EEO report' })).toHaveCount(0);
      await memberPage.goto('/admin/eeo-report');
      await expect(memberPage.getByTestId('forbidden')).toBeVisible();
      await expectAccessible(memberPage);
    } finally {
      await context.close();
    }
  } finally {
    await adminGql(request, token, SET_EEO, { q: [] });
  }
});
