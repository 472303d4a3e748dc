import { SalaryInterval, WorkplaceType, applyUrl, hostedUrl, type PostingUrlBase, type PostingRow } from '../../postings';

/** A posting in Lever Postings API v0's JSON shape (lever/postings-api README, "JSON mode" table). */
export interface LeverPosting {
  id: string;
  text: string;
  categories: { location: string | null; commitment: string | null; team: string | null; department: string | null; level: string | null; allLocations: string[] };
  country: string | null;
  workplaceType: 'unspecified' | 'on-site' | 'remote' | 'hybrid';
  salaryRange?: { currency: string; interval: string; min: number; max: number };
  salaryDescription?: string;
  salaryDescriptionPlain?: string;
  opening: string;
  openingPlain: string;
  description: string;
  descriptionPlain: string;
  descriptionBody: string;
  descriptionBodyPlain: string;
  lists: { text: string; content: string }[];
  additional: string;
  additionalPlain: string;
  hostedUrl: string;
  applyUrl: string;
  createdAt: number;
}

const WORKPLACE: Record<WorkplaceType, LeverPosting['workplaceType']> = {
  [WorkplaceType.UNSPECIFIED]: 'unspecified',
  [WorkplaceType.ON_SITE]: 'on-site',
  [WorkplaceType.REMOTE]: 'remote',
  [WorkplaceType.HYBRID]: 'hybrid',
};

/** Lever's salary interval names (the values its own postings carry). */
export const LEVER_INTERVAL: Record<SalaryInterval, string> = {
  [SalaryInterval.PER_YEAR]: 'per-year-salary',
  [SalaryInterval.PER_MONTH]: 'per-month-salary',
  [SalaryInterval.PER_WEEK]: 'per-week-salary',
  [SalaryInterval.PER_DAY]: 'per-day-wage',
  [SalaryInterval.PER_HOUR]: 'per-hour-wage',
};

/**
 * Lever's `description` is the opening and the body together; `descriptionBody`
 * is the body alone. Jobgate stores opening and body apart, so both are exact.
 * `createdAt` is when the posting was first published (what a career site sorts
 * by); the draft's creation time is not public.
 */
export function toLeverPosting(row: PostingRow, base: PostingUrlBase, publicUrl: string): LeverPosting {
  const opening = row.opening_html ?? '';
  const body = row.description_html ?? '';
  const names = row.locations.map((l) => l.name);
  const posting: LeverPosting = {
    id: row.id,
    text: row.title,
    categories: {
      location: names[0] ?? null,
      commitment: row.commitment,
      team: row.team,
      department: row.department,
      level: row.level,
      allLocations: names,
    },
    country: row.country,
    workplaceType: WORKPLACE[row.workplace_type],
    opening,
    openingPlain: row.opening_plain ?? '',
    description: opening + body,
    descriptionPlain: [row.opening_plain, row.description_plain].filter(Boolean).join('\n'),
    descriptionBody: body,
    descriptionBodyPlain: row.description_plain ?? '',
    lists: row.lists.map((l) => ({ text: l.title, content: l.contentHtml })),
    additional: row.additional_html ?? '',
    additionalPlain: row.additional_plain ?? '',
    hostedUrl: hostedUrl(base, publicUrl, row.id),
    applyUrl: applyUrl(base, publicUrl, row.id),
    createdAt: new Date(row.published_at).getTime(),
  };
  // Optional in Lever: absent, not null, when the posting has none.
  if (row.salary_range) {
    const s = row.salary_range;
    posting.salaryRange = { currency: s.currency, interval: LEVER_INTERVAL[s.interval], min: s.min, max: s.max };
  }
  // Jobgate keeps the salary description as plain text, so both forms carry it.
  if (row.salary_description) {
    posting.salaryDescription = row.salary_description;
    posting.salaryDescriptionPlain = row.salary_description;
  }
  return posting;
}
