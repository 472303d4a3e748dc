import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { BOARD } from './support';

/**
 * Google's JobPosting structured data (Search Central, "Job posting (JobPosting)
 * structured data"), written down here from the documentation:
 * - required: title, description, datePosted, hiringOrganization, jobLocation
 *   (a fully remote job may instead give jobLocationType TELECOMMUTE with
 *   applicantLocationRequirements);
 * - recommended: applicantLocationRequirements + jobLocationType (remote jobs),
 *   baseSalary, directApply, employmentType, identifier, validThrough (for jobs
 *   that expire; Google says to leave it out otherwise).
 */
const REQUIRED = ['title', 'description', 'datePosted', 'hiringOrganization'] as const;
const RECOMMENDED_ALWAYS = ['employmentType', 'identifier', 'directApply'] as const;
const EMPLOYMENT_TYPES = ['FULL_TIME', 'PART_TIME', 'CONTRACTOR', 'TEMPORARY', 'INTERN', 'VOLUNTEER', 'PER_DIEM', 'OTHER'];
const UNIT_TEXTS = ['HOUR', 'DAY', 'WEEK', 'MONTH', 'YEAR'];

type Json = Record<string, unknown>;

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

async function firstPostingPath(page: Page): Promise<string> {
  await page.goto(BOARD);
  return (await page.locator('.postings a').first().getAttribute('href'))!;
}

test('axe: 0 serious and 0 critical violations on the board, a posting, the form and the form with errors', async ({ page }) => {
  const report: Record<string, string[]> = {};
  await page.goto(BOARD);
  report.board = await seriousViolations(page);
  const posting = await firstPostingPath(page);
  await page.goto(posting);
  report.posting = await seriousViolations(page);
  await page.goto(`${posting}/apply`);
  report.form = await seriousViolations(page);
  await page.getByRole('button', { name: 'Submit application' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  report.formWithErrors = await seriousViolations(page);
  console.log(`axe serious/critical: ${JSON.stringify(report)}`);
  expect(report).toEqual({ board: [], posting: [], form: [], formWithErrors: [] });
});

test('JSON-LD of every demo posting carries Google\'s required and recommended properties', async ({ page, request }) => {
  const sitemap = await (await request.get(`${BOARD}/sitemap.xml`)).text();
  const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!).filter((u) => /\/[0-9a-f-]{36}$/.test(u));
  const problems: string[] = [];
  const withoutSalary: string[] = [];
  let checked = 0;
  for (const url of urls) {
    await page.goto(url);
    // Postings other specs create through the admin API are not demo postings.
    if ((await page.locator('h1').innerText()).startsWith('E2E ')) continue;
    checked += 1;
    const pageShowsSalary = (await page.locator('.salary').count()) > 0;
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    expect(blocks, url).toHaveLength(1);
    const ld = JSON.parse(blocks[0]!) as Json;
    const miss = (what: string) => problems.push(`${url}: ${what}`);
    if (ld['@type'] !== 'JobPosting') miss('@type');
    for (const key of [...REQUIRED, ...RECOMMENDED_ALWAYS]) if (ld[key] === undefined || ld[key] === '') miss(key);
    if (Number.isNaN(Date.parse(String(ld.datePosted)))) miss('datePosted is ISO 8601');
    if (!String(ld.description).includes('<')) miss('description is HTML');
    if (!EMPLOYMENT_TYPES.includes(String(ld.employmentType))) miss('employmentType value');
    if (ld.directApply !== true) miss('directApply true');
    const org = ld.hiringOrganization as Json;
    for (const key of ['name', 'sameAs', 'logo']) if (!org?.[key]) miss(`hiringOrganization.${key}`);
    const identifier = ld.identifier as Json;
    if (identifier?.['@type'] !== 'PropertyValue' || !identifier.name || !identifier.value) miss('identifier PropertyValue');
    const remote = ld.jobLocationType === 'TELECOMMUTE';
    const places = (ld.jobLocation as Json[] | undefined) ?? [];
    if (!remote && !places.length) miss('jobLocation');
    for (const place of places) {
      const address = place.address as Json;
      if (place['@type'] !== 'Place' || address?.['@type'] !== 'PostalAddress' || !address.addressCountry || !address.addressLocality) miss('jobLocation Place/PostalAddress');
    }
    if (remote && !((ld.applicantLocationRequirements as Json[] | undefined)?.length)) miss('applicantLocationRequirements');
    const salary = ld.baseSalary as Json | undefined;
    const value = salary?.value as Json | undefined;
    // baseSalary is recommended; it can only be given when the organization stated a salary range (the page shows it).
    if (!salary && pageShowsSalary) miss('baseSalary');
    else if (!salary) withoutSalary.push(url);
    else if (salary['@type'] !== 'MonetaryAmount' || !salary.currency || value?.['@type'] !== 'QuantitativeValue' || typeof value.minValue !== 'number' || typeof value.maxValue !== 'number' || !UNIT_TEXTS.includes(String(value.unitText))) miss('baseSalary shape');
    if (ld.validThrough !== undefined && Number.isNaN(Date.parse(String(ld.validThrough)))) miss('validThrough is ISO 8601');
  }
  console.log(`JSON-LD checked on ${checked} demo postings; no salary range stated: ${withoutSalary.length}; problems: ${JSON.stringify(problems)}`);
  expect(checked).toBeGreaterThan(3);
  expect(problems).toEqual([]);
});

const IMAGES = path.join(__dirname, '..', '..', '..', 'docs', 'images');

for (const width of [375, 1280]) {
  test(`usable at ${width} px: no horizontal scrolling; screenshots for the README`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    fs.mkdirSync(IMAGES, { recursive: true });
    const shots: [string, string][] = [['board', BOARD]];
    const posting = await firstPostingPath(page);
    shots.push(['posting', posting], ['apply', `${posting}/apply`]);
    for (const [name, url] of shots) {
      await page.goto(url);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${name} at ${width}px`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(IMAGES, `career-${name}-${width}.png`), fullPage: true });
    }
  });
}
