import type { XMLBuilder } from 'fast-xml-parser';
import { descriptionHtml } from '../indeed/description-html';
import type { FeedPosting } from '../indeed/feed-posting';
import { distinctLocations, type FeedLocation } from '../indeed/reference-number';
import { salaryText } from '../indeed/salary-text';
import { cdata, type CdataNode } from '../indeed/xml-text';
import { linkedinExperienceLevel, linkedinJobType, linkedinWorkplaceType } from './linkedin-mappings';
import { partnerJobId } from './partner-job-id';

/** What every job of one organization's LinkedIn feed shares. */
export interface LinkedinCompany {
  name: string;
  /** LinkedIn company page id; LinkedIn requires it of applicant tracking systems. */
  companyId: string | null;
  /** The hosted apply page of a posting. */
  applyUrl: (postingId: string) => string;
}

/** "City, State, Country" from the parts present; the display name when no part is. */
export function locationString(location: FeedLocation | null): string | null {
  if (!location) return null;
  const parts = [location.city, location.region, location.countryCode].map((p) => p?.trim()).filter((p): p is string => !!p);
  return parts.length ? parts.join(', ') : location.name?.trim() || null;
}

/** Elements LinkedIn refuses a job without: written even when empty, so the refusal names them. */
const REQUIRED: ReadonlySet<string> = new Set(['partnerJobId', 'company', 'title', 'description', 'applyUrl']);

/** The elements of one `<job>`, in the order of LinkedIn's field table; empty optional fields are left out. */
export function linkedinJobElements(posting: FeedPosting, location: FeedLocation | null, company: LinkedinCompany): Record<string, CdataNode> {
  const fields: [string, string | null | undefined][] = [
    ['partnerJobId', partnerJobId(posting.id, location)],
    ['company', company.name],
    ['title', posting.title],
    ['description', descriptionHtml(posting)],
    ['applyUrl', company.applyUrl(posting.id)],
    ['companyId', company.companyId],
    ['location', locationString(location)],
    ['city', location?.city],
    ['state', location?.region],
    ['country', location?.countryCode],
    ['postalCode', location?.postalCode],
    ['workplaceTypes', linkedinWorkplaceType(posting.workplaceType)],
    ['jobtype', linkedinJobType(posting.commitment)],
    ['experienceLevel', linkedinExperienceLevel(posting.level)],
    ['salary', salaryText(posting.salaryRange, posting.salaryDescription)],
    ['listDate', posting.publishedAt.toISOString()],
    ['expirationDate', posting.expiresAt ? posting.expiresAt.toISOString() : null],
  ];
  const job: Record<string, CdataNode> = {};
  for (const [name, value] of fields) if (value || REQUIRED.has(name)) job[name] = cdata(value ?? '');
  return job;
}

/** Every `<job>` of one posting (LinkedIn takes one location per job), as XML text ready to write. */
export function linkedinJobsXml(builder: XMLBuilder, posting: FeedPosting, company: LinkedinCompany): string {
  let xml = '';
  for (const location of distinctLocations(posting.locations)) {
    xml += builder.build({ job: linkedinJobElements(posting, location, company) }) + '\n';
  }
  return xml;
}
