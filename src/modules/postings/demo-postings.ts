import type { MikroORM } from '@mikro-orm/postgresql';
import type { PostingService } from './posting.service';
import { tenantFork } from '../../db/request-scope';
import { actorOf, recordAudit } from '../audit';
import { PostingState, QuestionKind, SalaryInterval, WorkplaceType } from './posting-enums';
import type { CreatePostingInput } from './posting.inputs';
import { Posting } from './posting.entity';
import { validatePostingInput } from './posting-validation';
import { leverPostings, type LeverPosting } from './demo/lever-postings';

interface DemoPosting {
  input: CreatePostingInput;
  state: PostingState;
  publishedAt: Date | null;
}

const DEPARTMENT_OF_TEAM: Record<string, string> = {
  Engineering: 'R&D',
  Product: 'R&D',
  Sales: 'Go-to-market',
  Marketing: 'Go-to-market',
  'Customer Service and Support': 'Go-to-market',
  People: 'G&A',
  Finance: 'G&A',
};

/** Lever's postings, mapped to ours; some made hybrid and given pay so the demo shows both. */

/**
 * Lever's list content is a run of <li> items, sometimes followed by its editor's blank line
 * (`<div><br></div>`); inside our <ul> that would be invalid HTML (axe: "list"). Keep the items only.
 */
function listItems(content: string): string {
  return (content.match(/<li\b[\s\S]*?<\/li>/g) ?? []).join('');
}

function fromLever(p: LeverPosting, i: number): DemoPosting {
  const team = p.categories.team ?? null;
  const hybrid = i % 4 === 1;
  return {
    state: PostingState.PUBLISHED,
    publishedAt: new Date(p.createdAt),
    input: {
      title: p.text,
      team,
      department: team ? (DEPARTMENT_OF_TEAM[team] ?? null) : null,
      commitment: p.categories.commitment ?? null,
      workplaceType: hybrid ? WorkplaceType.HYBRID : WorkplaceType.ON_SITE,
      locations: [{ name: p.categories.location ?? 'San Francisco', city: 'San Francisco', region: 'CA', countryCode: 'US', postalCode: '94103' }],
      descriptionHtml: p.description,
      additionalHtml: p.additional,
      lists: p.lists.map((l) => ({ title: l.text.trim(), contentHtml: `<ul>${listItems(l.content)}</ul>` })),
      salaryRange: i % 3 === 0 ? { min: 110000 + i * 2000, max: 150000 + i * 2000, currency: 'USD', interval: SalaryInterval.PER_YEAR } : null,
      requisitionCode: `LEVER-${p.id.slice(0, 8)}`,
    },
  };
}

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

/** Postings that show what Lever's data does not: other countries, remote work, levels, questions, and the hidden states. */
function builtIn(): DemoPosting[] {
  return [
    {
      state: PostingState.PUBLISHED,
      publishedAt: daysAgo(1),
      input: {
        title: 'Senior Platform Engineer',
        team: 'Engineering',
        department: 'R&D',
        commitment: 'Full-time',
        level: 'Senior',
        workplaceType: WorkplaceType.REMOTE,
        locations: [
          { name: 'Remote (Europe)', countryCode: 'DE' },
          { name: 'Berlin', city: 'Berlin', region: 'Berlin', countryCode: 'DE', postalCode: '10115' },
          { name: 'Lisbon', city: 'Lisbon', region: 'Lisboa', countryCode: 'PT' },
        ],
        openingHtml: '<p>Our platform team keeps hiring fast for thousands of companies.</p>',
        descriptionHtml: '<p>You will run <strong>PostgreSQL</strong> and Kubernetes at scale, and make deploys boring.</p>',
        lists: [{ title: 'What you bring', contentHtml: '<ul><li>5+ years running production systems</li><li>TypeScript or Go</li></ul>' }],
        salaryRange: { min: 85000, max: 110000, currency: 'EUR', interval: SalaryInterval.PER_YEAR },
        salaryDescription: 'Plus equity and a yearly learning budget.',
        questions: [
          { id: 'portfolio', label: 'Link to your GitHub or portfolio', kind: QuestionKind.TEXT, required: false },
          { id: 'motivation', label: 'What would you improve first in our platform?', kind: QuestionKind.TEXTAREA, required: true },
          { id: 'timezone', label: 'Which time zone do you work from?', kind: QuestionKind.SINGLE_SELECT, required: true, options: ['UTC-1 to UTC+1', 'UTC+2 to UTC+3', 'Other'] },
          { id: 'stack', label: 'Which of these have you run in production?', kind: QuestionKind.MULTI_SELECT, required: false, options: ['PostgreSQL', 'Kubernetes', 'Kafka', 'Terraform'] },
          { id: 'sample', label: 'A design document you wrote (PDF)', kind: QuestionKind.FILE, required: false },
          { id: 'eu_work', label: 'Are you authorized to work in the EU?', kind: QuestionKind.BOOLEAN, required: true },
        ],
      },
    },
    {
      state: PostingState.PUBLISHED,
      publishedAt: daysAgo(2),
      input: {
        title: 'Product Designer',
        team: 'Design',
        department: 'R&D',
        commitment: 'Full-time',
        level: 'Mid-level',
        workplaceType: WorkplaceType.HYBRID,
        locations: [{ name: 'London', city: 'London', region: 'England', countryCode: 'GB', postalCode: 'EC1V 9NR' }],
        descriptionHtml: '<p>Design the hiring flows candidates actually enjoy.</p>',
        salaryRange: { min: 60000, max: 75000, currency: 'GBP', interval: SalaryInterval.PER_YEAR },
      },
    },
    {
      state: PostingState.PUBLISHED,
      publishedAt: daysAgo(3),
      input: {
        title: 'Customer Support Specialist (Part-time)',
        team: 'Customer Success',
        department: 'Go-to-market',
        commitment: 'Part-time',
        level: 'Junior',
        workplaceType: WorkplaceType.REMOTE,
        locations: [{ name: 'Remote (Canada)', countryCode: 'CA' }, { name: 'Toronto', city: 'Toronto', region: 'ON', countryCode: 'CA' }],
        descriptionHtml: '<p>Help recruiters get the most out of Acme, by chat and email.</p>',
        salaryRange: { min: 24, max: 30, currency: 'CAD', interval: SalaryInterval.PER_HOUR },
      },
    },
    {
      state: PostingState.PUBLISHED,
      publishedAt: daysAgo(5),
      input: {
        title: 'Data Analyst Intern',
        team: 'Data',
        department: 'R&D',
        commitment: 'Internship',
        level: 'Intern',
        workplaceType: WorkplaceType.HYBRID,
        locations: [{ name: 'New York', city: 'New York', region: 'NY', countryCode: 'US', postalCode: '10001' }],
        descriptionHtml: '<p>Three months of SQL, dashboards and real questions.</p>',
        salaryRange: { min: 4000, max: 4500, currency: 'USD', interval: SalaryInterval.PER_MONTH },
      },
    },
    {
      state: PostingState.PUBLISHED,
      publishedAt: daysAgo(4),
      input: {
        title: 'VP of Engineering',
        confidential: true,
        team: 'Engineering',
        department: 'R&D',
        commitment: 'Full-time',
        level: 'Executive',
        workplaceType: WorkplaceType.ON_SITE,
        locations: [{ name: 'San Francisco', city: 'San Francisco', region: 'CA', countryCode: 'US' }],
        descriptionHtml: '<p>Confidential search: replaces a current executive. Never shown publicly.</p>',
      },
    },
    {
      state: PostingState.INTERNAL,
      publishedAt: null,
      input: {
        title: 'Internal Transfer: Engineering Manager',
        team: 'Engineering',
        department: 'R&D',
        commitment: 'Full-time',
        level: 'Manager',
        workplaceType: WorkplaceType.HYBRID,
        locations: [{ name: 'Berlin', city: 'Berlin', countryCode: 'DE' }],
        descriptionHtml: '<p>Open to current employees only.</p>',
      },
    },
    {
      state: PostingState.DRAFT,
      publishedAt: null,
      input: {
        title: 'Solutions Engineer (draft)',
        team: 'Sales',
        department: 'Go-to-market',
        locations: [{ name: 'Sydney', city: 'Sydney', region: 'NSW', countryCode: 'AU' }],
      },
    },
  ];
}

/** Demo postings for the demo organization (embedded `npm start`), written like any other posting: validated, sanitized, audited. */
export const seedDemoPostings = async (services: { orm: MikroORM; postings: PostingService }, organizationId: string): Promise<void> => {
  const em = tenantFork(services.orm, organizationId, true);
  const demo = [...builtIn(), ...leverPostings().map(fromLever)];
  await em.transactional(async (tx) => {
    for (const d of demo) {
      const values = validatePostingInput(d.input, true);
      const posting = tx.create(Posting, {
        ...values,
        title: values.title ?? d.input.title,
        locations: values.locations ?? [],
        organization: organizationId,
        state: d.state,
        publishedAt: d.publishedAt,
        createdBy: actorOf(null),
      });
      recordAudit(tx, organizationId, null, null, { action: 'posting.created', targetType: 'Posting', targetId: posting.id, changes: { title: posting.title, state: d.state }, posting: { id: posting.id, confidential: posting.confidential } });
    }
  });
  await services.postings.changed(organizationId);
};
