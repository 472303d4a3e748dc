import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { LightMyRequestResponse } from 'fastify';
import { setTenant } from '../../src/db/request-scope';
import { actorOf } from '../../src/modules/audit/actor';
import { leverPostings } from '../../src/modules/postings/demo/lever-postings';
import { htmlPair } from '../../src/modules/postings/html';
import { Posting } from '../../src/modules/postings/posting.entity';
import { PostingState, SalaryInterval, WorkplaceType } from '../../src/modules/postings/posting-enums';
import { type PostingLocation } from '../../src/modules/postings/posting-values';
import type { TestApp } from '../helpers/test-app';

export type PostingInput = Partial<Omit<Posting, 'organization' | 'createdBy' | 'id'>> & { id?: string };

let sequence = 0;

export function location(name: string, city: string | null, region: string | null, countryCode: string | null, postalCode: string | null = null): PostingLocation {
  return { name, city, region, countryCode, postalCode };
}

/**
 * Writes postings straight through the ORM, as an import would: no sanitizer and no
 * service rules on the way, so hostile content reaches the database untouched and
 * the feed alone must make it safe. Published postings get a distinct publishedAt.
 */
export async function createPostings(t: TestApp, organizationId: string, inputs: PostingInput[]): Promise<Posting[]> {
  const em = t.orm.em.fork();
  setTenant(em, organizationId, true);
  const postings = inputs.map((input) => {
    sequence += 1;
    const state = input.state ?? PostingState.PUBLISHED;
    return em.create(Posting, {
      organization: organizationId,
      title: `Posting ${sequence}`,
      state,
      locations: [location('San Francisco, CA', 'San Francisco', 'CA', 'US', '94105')],
      publishedAt: state === PostingState.DRAFT ? null : new Date(Date.UTC(2026, 0, 1) + sequence * 60_000),
      createdBy: actorOf(null),
      ...input,
    });
  });
  await em.flush();
  return postings;
}

export async function updatePosting(t: TestApp, organizationId: string, id: string, changes: PostingInput): Promise<void> {
  const em = t.orm.em.fork();
  setTenant(em, organizationId, true);
  const posting = await em.findOneOrFail(Posting, { id });
  em.assign(posting, changes);
  await em.flush();
}

/** The 19 real Lever postings, sanitized as the postings service would store them. */
export function leverPostingInputs(): PostingInput[] {
  const lever = leverPostings();
  return lever.map((p, i) => {
    const description = htmlPair(p.description);
    const additional = htmlPair(p.additional);
    return {
      title: p.text,
      team: p.categories.team ?? null,
      department: i % 2 ? 'Go To Market' : null,
      commitment: p.categories.commitment ?? null,
      requisitionCode: `LEVER-${i + 1}`,
      workplaceType: [WorkplaceType.ON_SITE, WorkplaceType.REMOTE, WorkplaceType.HYBRID][i % 3],
      // Every third posting is multi-location, to check one <job> per posting and place.
      locations:
        i % 3 === 0
          ? [location('San Francisco, CA', 'San Francisco', 'CA', 'US', '94105'), location('London', 'London', 'England', 'GB'), location('Toronto, ON', 'Toronto', 'ON', 'CA')]
          : [location(p.categories.location ?? 'San Francisco', p.categories.location ?? 'San Francisco', 'CA', 'US')],
      descriptionHtml: description.html,
      descriptionPlain: description.plain,
      additionalHtml: additional.html,
      additionalPlain: additional.plain,
      lists: p.lists.map((l) => {
        const content = htmlPair(l.content);
        return { title: l.text, contentHtml: content.html ?? '', contentPlain: content.plain ?? '' };
      }),
      salaryRange: i % 2 ? { min: 100000 + i * 1000, max: 150000 + i * 1000, currency: 'USD', interval: SalaryInterval.PER_YEAR } : null,
      salaryDescription: i % 4 === 0 ? 'Plus equity & benefits' : null,
      expiresAt: i % 5 === 0 ? new Date(Date.now() + 30 * 86_400_000) : null,
    };
  });
}

export const feedParser = new XMLParser({
  ignoreDeclaration: true,
  trimValues: false,
  parseTagValue: false,
  isArray: (name) => name === 'job',
});

export interface FeedJob {
  title: string;
  date: string;
  referencenumber: string;
  requisitionid?: string;
  url: string;
  company: string;
  city?: string;
  state?: string;
  country?: string;
  postalcode?: string;
  description: string;
  salary?: string;
  jobtype?: string;
  category?: string;
  remotetype?: string;
  expirationdate?: string;
}

export interface ParsedFeed {
  publisher: string;
  publisherurl: string;
  lastBuildDate: string;
  job?: FeedJob[];
}

/** Any byte XML 1.0 forbids, which XMLValidator does not check. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this matches
export const FORBIDDEN_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Validates (fails the test with the validator's message) and parses a feed document. */
export function parseFeed(xml: string): ParsedFeed {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`invalid XML: ${JSON.stringify(valid.err)}`);
  if (FORBIDDEN_XML_CHAR.test(xml)) throw new Error('feed contains a character XML 1.0 forbids');
  return (feedParser.parse(xml) as { source: ParsedFeed }).source;
}

export async function getFeed(t: TestApp, slug: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'GET', url: `/feeds/${slug}.xml`, headers });
}
