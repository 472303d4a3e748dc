import { expect as baseExpect, test, type Locator, type Page } from '@playwright/test';
import { adminGql, demoAdminToken } from '../support/admin-api';
import { expectAccessible, openSection, signIn, uniqueName } from './console-helpers';

// The postings list computes four reports per row: on a loaded machine it can take longer than 5 s to appear.
const expect = baseExpect.configure({ timeout: 15_000 });

const SHORT_DESCRIPTION = '<p>We build analytical engines.</p>';
const LONG_DESCRIPTION = `<p>${'We build analytical engines for the next century of computing, in a small team that ships every week. '.repeat(2)}</p>`;
const LINKEDIN_SHORT = /description is \d+ characters; LinkedIn needs 100/;
const INDEED_NO_SALARY = 'no salary: Indeed ranks it lower';
const GOOGLE_NO_VALID_THROUGH = 'expires but has no validThrough';
const DISTRIBUTION_SETTINGS = '{ organization { settings { linkedinFeedEnabled linkedinCompanyId submitHostedPages } } }';

/** The one open tooltip, checked to be the one the badge names with aria-describedby. */
async function tooltipOf(page: Page, badge: Locator): Promise<Locator> {
  const tooltip = page.getByRole('tooltip');
  await expect(tooltip).toHaveCount(1);
  await expect(tooltip).toBeVisible();
  await expect(badge).toHaveAttribute('aria-describedby', (await tooltip.getAttribute('id')) ?? 'no id');
  return tooltip;
}

test('distribution: badges per destination show their problems on hover and keyboard focus, the publish dialog lists them, and they clear when fixed', async ({ page, request }) => {
  // Settings, hover, keyboard, publish and fix in one flow, with axe three times: longer than the 60 s default on a loaded machine.
  test.setTimeout(300_000);
  const token = await demoAdminToken(request);
  const title = uniqueName('Distribution Engineer');
  const created = await adminGql<{ createPosting: { id: string } }>(
    request,
    token,
    `mutation($t: String!, $d: String!) { createPosting(input: {
      title: $t, descriptionHtml: $d, commitment: "Full-time", level: "Senior", workplaceType: ON_SITE,
      locations: [{ name: "Berlin", city: "Berlin", countryCode: "DE" }] }) { id } }`,
    { t: title, d: SHORT_DESCRIPTION },
  );
  const id = created.createPosting.id;
  const before = await adminGql<{ organization: { settings: Record<string, unknown> } }>(request, token, DISTRIBUTION_SETTINGS);

  try {
    // Settings: the LinkedIn feed and its company id, and search-engine submission.
    await signIn(page, '/admin/settings');
    await expect(page.getByRole('link', { name: /\/feeds\/acme\/linkedin\.xml$/ })).toBeVisible();
    const companyId = page.getByLabel(/^LinkedIn company id/);
    await companyId.fill('not digits');
    await page.getByRole('button', { name: 'Save distribution settings' }).click();
    await expect(companyId).toHaveAttribute('aria-invalid', 'true');
    await companyId.fill('1337');
    await page.getByRole('switch', { name: /LinkedIn job feed enabled/ }).check();
    await page.getByRole('switch', { name: /Submit hosted pages to search engines/ }).check();
    await page.getByRole('button', { name: 'Save distribution settings' }).click();
    await expect(page.getByText('Distribution settings saved.')).toBeVisible();
    await expectAccessible(page);
    const saved = await adminGql<{ organization: { settings: Record<string, unknown> } }>(request, token, DISTRIBUTION_SETTINGS);
    expect(saved.organization.settings).toEqual({ linkedinFeedEnabled: true, linkedinCompanyId: '1337', submitHostedPages: true });

    // The list: one badge per destination, each with its problems.
    await openSection(page, 'Postings');
    const row = page.getByTestId(`posting-row-${title}`);
    const badge = (destination: string) => row.getByTestId(`distribution-${destination}`);
    await expect(row.getByRole('group', { name: `Distribution of ${title}` }).getByRole('button')).toHaveCount(4);
    // A draft is not listed anywhere yet; LinkedIn is on now, so it is not OFF. Its 2 problems: the short
    // description, and the http apply page of this test server.
    await expect(badge('LINKEDIN')).toHaveAttribute('data-status', 'NOT_LISTED');
    await expect(badge('LINKEDIN')).toHaveAccessibleName(`LinkedIn: Not listed (2) for ${title}`);

    // Hover shows the tooltip; the same text is the badge's accessible description.
    const linkedin = badge('LINKEDIN');
    await expect(page.getByRole('tooltip')).toHaveCount(0);
    // Closed, the badge is still described by the same problems (a hidden summary).
    await expect(linkedin).toHaveAccessibleDescription(LINKEDIN_SHORT);
    await linkedin.hover();
    const linkedinTip = await tooltipOf(page, linkedin);
    await expect(linkedinTip).toContainText(LINKEDIN_SHORT);
    await expect(linkedin).toHaveAccessibleDescription(LINKEDIN_SHORT);
    await expectAccessible(page);
    await page.mouse.move(0, 0);
    await expect(page.getByRole('tooltip')).toHaveCount(0);

    // Keyboard: focus reaches the badges with Tab and shows their tooltip; Escape dismisses it.
    const google = badge('GOOGLE');
    await google.focus();
    await expect(await tooltipOf(page, google)).toContainText(GOOGLE_NO_VALID_THROUGH);
    await page.keyboard.press('Tab');
    const indeed = badge('INDEED');
    await expect(indeed).toBeFocused();
    // One tooltip at a time: Google's closed when focus left it.
    await expect(await tooltipOf(page, indeed)).toContainText(INDEED_NO_SALARY);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('tooltip')).toHaveCount(0);
    await expect(indeed).toBeFocused();

    // Publishing shows the problems first.
    await row.getByRole('button', { name: `Publish ${title}` }).click();
    const dialog = page.getByRole('dialog', { name: `Publish ${title}` });
    await expect(dialog.getByTestId('publish-distribution-LINKEDIN')).toContainText(LINKEDIN_SHORT);
    await expect(dialog.getByTestId('publish-distribution-INDEED')).toContainText(INDEED_NO_SALARY);
    await expect(dialog.getByTestId('publish-distribution-GOOGLE')).toContainText(GOOGLE_NO_VALID_THROUGH);
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Publish' }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText('Published');
    // Public now: LinkedIn refuses the short description, Indeed only ranks the job lower.
    await expect(badge('LINKEDIN')).toHaveAttribute('data-status', 'BLOCKED');
    await expect(badge('INDEED')).toHaveAttribute('data-status', 'WARNINGS');

    // Fixed through the API: a long description, a salary and an expiry date.
    await adminGql(request, token, 'mutation($id: ID!, $i: UpdatePostingInput!) { updatePosting(id: $id, input: $i) { id } }', {
      id,
      i: {
        descriptionHtml: LONG_DESCRIPTION,
        salaryRange: { min: 60000, max: 80000, currency: 'EUR', interval: 'PER_YEAR' },
        expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      },
    });
    // A reload: the console would keep its cached list for a few seconds (staleTime) on navigation.
    await page.reload();
    await expect(row).toBeVisible();
    for (const [destination, message] of [
      ['LINKEDIN', LINKEDIN_SHORT],
      ['INDEED', INDEED_NO_SALARY],
      ['GOOGLE', GOOGLE_NO_VALID_THROUGH],
    ] as const) {
      const fixed = badge(destination);
      await fixed.hover();
      const tip = await tooltipOf(page, fixed);
      await expect(tip).not.toContainText(message);
      await expect(fixed).not.toHaveAccessibleDescription(message);
      await page.mouse.move(0, 0);
      await expect(page.getByRole('tooltip')).toHaveCount(0);
    }
    await expect(badge('INDEED')).toHaveAttribute('data-status', 'READY');
    await expect(badge('GOOGLE')).toHaveAttribute('data-status', 'READY');
  } finally {
    await adminGql(request, token, 'mutation($i: UpdateOrganizationSettingsInput!) { updateOrganizationSettings(input: $i) { id } }', {
      i: { ...before.organization.settings, linkedinCompanyId: before.organization.settings.linkedinCompanyId ?? '' },
    });
    await adminGql(request, token, 'mutation($id: ID!) { setPostingState(id: $id, state: CLOSED) { id } }', { id });
  }
});
