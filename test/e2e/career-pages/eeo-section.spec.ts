import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from '../console/console-helpers';
import { adminGql, demoAdminToken } from '../support/admin-api';
import { BOARD, closePosting, createPosting, fillBasics } from './support';

const SET_EEO = 'mutation($q: [EeoQuestion!]!) { updateOrganizationSettings(input: { eeoQuestions: $q }) { id } }';
const REPORT = 'query($p: ID!) { eeoReport(postingId: $p) { responses questions { question cells { answer count } } } }';

interface Report {
  eeoReport: { responses: number | null; questions: { question: string; cells: { answer: string; count: number | null }[] }[] };
}

/**
 * The hosted form's voluntary self-identification section, in a browser: turned on from the
 * console's settings, shown only when the organization asks, answered with the mouse and the
 * keyboard, accessible, and counted in the EEO report (its only way out: no per-application
 * field carries the answers).
 */
test('EEO questions: asked from the console settings, answered on the hosted form (optional, accessible), counted in the report', async ({ page, request }) => {
  // Five applies through the browser and two axe runs: slower than the default minute on a shared machine.
  test.setTimeout(180_000);
  const token = await demoAdminToken(request);
  const postingId = await createPosting(request, token, {});
  const section = page.getByRole('region', { name: 'Voluntary self-identification (optional)' });
  try {
    // Not asked: no section.
    await adminGql(request, token, SET_EEO, { q: [] });
    await page.goto(`${BOARD}/${postingId}/apply`);
    await expect(page.getByRole('button', { name: 'Submit application' })).toBeVisible();
    await expect(section).toHaveCount(0);

    // Asked from the console's settings: its own card, saved on its own, kept after a reload.
    await signIn(page, '/admin/settings');
    const card = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Equal employment opportunity' }) });
    await card.getByRole('checkbox', { name: 'Gender' }).check();
    await card.getByRole('checkbox', { name: 'Veteran status' }).check();
    await card.getByRole('button', { name: 'Save EEO settings' }).click();
    await expect(card.getByText('EEO settings saved.')).toBeVisible();
    await expectAccessible(page);
    await page.reload();
    await expect(card.getByRole('checkbox', { name: 'Gender' })).toBeChecked();
    await expect(card.getByRole('checkbox', { name: 'Race / ethnicity' })).not.toBeChecked();
    await expect(card.getByRole('checkbox', { name: 'Veteran status' })).toBeChecked();
    const settings = await adminGql<{ organization: { settings: { eeoQuestions: string[] } } }>(request, token, 'query { organization { settings { eeoQuestions } } }');
    expect(settings.organization.settings.eeoQuestions).toEqual(['GENDER', 'VETERAN_STATUS']);

    for (let i = 0; i < 5; i += 1) {
      await page.goto(`${BOARD}/${postingId}/apply`);
      await expect(section).toBeVisible();
      await expect(section.getByRole('group', { name: 'Gender' })).toBeVisible();
      await expect(section.getByRole('group', { name: 'Race / ethnicity' })).toHaveCount(0);
      if (i === 0) await expectAccessible(page);
      await fillBasics(page, `e2e-eeo-${randomUUID().slice(0, 8)}@example.com`);
      // Four answer; the fifth skips the section, which must not stop the application.
      if (i < 4) {
        await section.getByRole('group', { name: 'Gender' }).getByLabel('Female', { exact: true }).check();
        await section.getByRole('group', { name: 'Veteran status' }).getByLabel('I am not a protected veteran').check();
      }
      await page.getByRole('button', { name: 'Submit application' }).click();
      await expect(page.getByRole('heading', { name: 'Thank you for applying' })).toBeVisible();
    }

    const report = await adminGql<Report>(request, token, REPORT, { p: postingId });
    // Four responses: below the minimum cell size of 5, so the report says nothing at all.
    expect(report.eeoReport.responses).toBeNull();
    // One more, answered by keyboard only.
    await page.goto(`${BOARD}/${postingId}/apply`);
    await fillBasics(page, `e2e-eeo-${randomUUID().slice(0, 8)}@example.com`);
    await section.getByRole('group', { name: 'Gender' }).getByLabel('Female', { exact: true }).focus();
    await page.keyboard.press('Space');
    await expect(section.getByRole('group', { name: 'Gender' }).getByLabel('Female', { exact: true })).toBeChecked();
    await page.getByRole('button', { name: 'Submit application' }).click();
    await expect(page.getByRole('heading', { name: 'Thank you for applying' })).toBeVisible();

    const after = await adminGql<Report>(request, token, REPORT, { p: postingId });
    expect(after.eeoReport.responses).toBe(5);
    const gender = after.eeoReport.questions.find((q) => q.question === 'GENDER')!;
    expect(gender.cells.find((c) => c.answer === 'FEMALE')?.count).toBe(5);
  } finally {
    await adminGql(request, token, SET_EEO, { q: [] });
    await closePosting(request, token, postingId);
  }
});
