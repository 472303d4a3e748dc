import { createHash } from 'node:crypto';
import { SalaryInterval, WorkplaceType, type PostingRow } from '../postings';

/** Google's employmentType values; commitment is free text, so the most specific word wins (as in the feed's jobtype). */
const EMPLOYMENT_RULES: [RegExp, string][] = [
  [/intern|trainee|apprentice/, 'INTERN'],
  [/volunt/, 'VOLUNTEER'],
  [/perdiem/, 'PER_DIEM'],
  [/temp|seasonal|fixedterm|casual/, 'TEMPORARY'],
  [/contract|freelanc|consult/, 'CONTRACTOR'],
  [/part/, 'PART_TIME'],
  [/full|permanent|regular/, 'FULL_TIME'],
];

export function employmentTypeFor(commitment: string | null): string {
  const key = (commitment ?? '').toLowerCase().replace(/[^a-z]/g, '');
  for (const [pattern, type] of EMPLOYMENT_RULES) if (pattern.test(key)) return type;
  return 'OTHER';
}

const UNIT_TEXT: Record<SalaryInterval, string> = {
  [SalaryInterval.PER_YEAR]: 'YEAR',
  [SalaryInterval.PER_MONTH]: 'MONTH',
  [SalaryInterval.PER_WEEK]: 'WEEK',
  [SalaryInterval.PER_DAY]: 'DAY',
  [SalaryInterval.PER_HOUR]: 'HOUR',
};

export interface HiringOrganization {
  name: string;
  /** The organization's own site (careers site) or its hosted board. */
  sameAs: string;
  logo: string | null;
}

/** The posting's whole text as HTML, in reading order (Google reads p, ul, li, br). All parts were sanitized on write. */
export function fullDescriptionHtml(row: PostingRow): string {
  const parts = [row.opening_html, row.description_html];
  for (const list of row.lists) parts.push(`<h3>${escapeText(list.title)}</h3>${list.contentHtml}`);
  parts.push(row.additional_html);
  return parts.filter(Boolean).join('\n');
}

function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * schema.org JobPosting with every property Google lists as required or
 * recommended (Search Central, "Job posting structured data"). A remote posting
 * is TELECOMMUTE with the countries it hires in; its places, when it names some, stay.
 */
export function jobPostingSchema(row: PostingRow, org: HiringOrganization, url: string): Record<string, unknown> {
  const places = row.locations.filter((l) => l.countryCode);
  const schema: Record<string, unknown> = {
    '@context': 'https://schema.org/',
    '@type': 'JobPosting',
    title: row.title,
    description: fullDescriptionHtml(row) || escapeText(row.title),
    datePosted: new Date(row.published_at).toISOString(),
    employmentType: employmentTypeFor(row.commitment),
    identifier: { '@type': 'PropertyValue', name: org.name, value: row.id },
    hiringOrganization: { '@type': 'Organization', name: org.name, sameAs: org.sameAs, ...(org.logo ? { logo: org.logo } : {}) },
    directApply: true,
    url,
  };
  if (row.expires_at) schema.validThrough = new Date(row.expires_at).toISOString();
  if (places.length) {
    schema.jobLocation = places.map((l) => ({
      '@type': 'Place',
      address: {
        '@type': 'PostalAddress',
        addressCountry: l.countryCode,
        addressLocality: l.city ?? l.name,
        ...(l.region ? { addressRegion: l.region } : {}),
        ...(l.postalCode ? { postalCode: l.postalCode } : {}),
      },
    }));
  }
  if (row.workplace_type === WorkplaceType.REMOTE) {
    schema.jobLocationType = 'TELECOMMUTE';
    const countries = [...new Set(places.map((l) => l.countryCode!))];
    if (countries.length) schema.applicantLocationRequirements = countries.map((name) => ({ '@type': 'Country', name }));
  }
  if (row.salary_range) {
    const s = row.salary_range;
    schema.baseSalary = {
      '@type': 'MonetaryAmount',
      currency: s.currency,
      value: { '@type': 'QuantitativeValue', minValue: s.min, maxValue: s.max, unitText: UNIT_TEXT[s.interval] },
    };
  }
  return schema;
}

/**
 * JSON for a `<script type="application/ld+json">` body: `<`, `>`, `&` and the JS
 * line separators are escaped, so no content can close the element.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The CSP source allowing exactly this inline block (no 'unsafe-inline', no nonce to vary per response). */
export function cspHash(scriptText: string): string {
  return `'sha256-${createHash('sha256').update(scriptText, 'utf8').digest('base64')}'`;
}
