import type { XMLBuilder } from 'fast-xml-parser';
import { descriptionHtml } from './description-html';
import type { FeedPosting } from './feed-posting';
import { jobTypeFor } from './job-type';
import { distinctLocations, referenceNumber, type FeedLocation } from './reference-number';
import { salaryText } from './salary-text';
import { cdata, type CdataNode } from './xml-text';

type JobElements = Record<string, CdataNode>;

/** Indeed's date style (RFC 1123, UTC), e.g. "Fri, 10 Dec 2021 22:49:39 GMT". */
export const feedDate = (date: Date) => date.toUTCString();

const REMOTE_TYPES: Record<string, string> = { REMOTE: 'Fully remote', HYBRID: 'Hybrid remote' };

function category(posting: FeedPosting): string | null {
  const values = [...new Set([posting.team, posting.department].map((v) => v?.trim()).filter((v): v is string => !!v))];
  return values.length ? values.join(' / ') : null;
}

/**
 * The elements of one `<job>`, in Indeed's documented order. Always-present elements
 * (title, date, referencenumber, url, company, description) are written even when
 * empty; optional ones are left out when there is nothing to say.
 */
export function jobElements(posting: FeedPosting, location: FeedLocation | null, company: string): JobElements {
  const optional: [string, string | null | undefined][] = [
    ['city', location?.city],
    ['state', location?.region],
    ['country', location?.countryCode],
    ['postalcode', location?.postalCode],
  ];
  const job: JobElements = {
    title: cdata(posting.title),
    date: cdata(feedDate(posting.publishedAt)),
    referencenumber: cdata(referenceNumber(posting.id, location)),
  };
  if (posting.requisitionCode) job.requisitionid = cdata(posting.requisitionCode);
  job.url = cdata(posting.hostedUrl);
  job.company = cdata(company);
  for (const [name, value] of optional) if (value) job[name] = cdata(value);
  job.description = cdata(descriptionHtml(posting));
  const rest: [string, string | null | undefined][] = [
    ['salary', salaryText(posting.salaryRange, posting.salaryDescription)],
    ['jobtype', jobTypeFor(posting.commitment)],
    ['category', category(posting)],
    ['remotetype', posting.workplaceType ? REMOTE_TYPES[posting.workplaceType] : null],
    ['expirationdate', posting.expiresAt ? feedDate(posting.expiresAt) : null],
  ];
  for (const [name, value] of rest) if (value) job[name] = cdata(value);
  return job;
}

/** Every `<job>` of one posting (one per distinct location), as XML text ready to write. */
export function postingJobsXml(builder: XMLBuilder, posting: FeedPosting, company: string): string {
  let xml = '';
  for (const location of distinctLocations(posting.locations)) {
    xml += builder.build({ job: jobElements(posting, location, company) }) + '\n';
  }
  return xml;
}
