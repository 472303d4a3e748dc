import type { EntityManager } from '@mikro-orm/postgresql';
import type { RowSource } from '../../db/prepared-statements';
import type { FacetName } from './facet-names';
import type { WorkplaceType } from './posting-enums';
import type { PostingListSection, PostingLocation, PostingQuestion, SalaryRange } from './posting-values';

/** The ORM's entity manager (statements run on its pool) or any other row source (the raw benchmark baseline). */
export type PostingsDb = EntityManager | RowSource;

/** A publicly visible posting as the public reads return it (snake_case columns). */
export interface PostingRow {
  id: string;
  title: string;
  team: string | null;
  department: string | null;
  commitment: string | null;
  level: string | null;
  workplace_type: WorkplaceType;
  locations: PostingLocation[];
  country: string | null;
  opening_html: string | null;
  opening_plain: string | null;
  description_html: string | null;
  description_plain: string | null;
  additional_html: string | null;
  additional_plain: string | null;
  lists: PostingListSection[];
  salary_range: SalaryRange | null;
  salary_description: string | null;
  questions: PostingQuestion[];
  published_at: Date;
  updated_at: Date;
  requisition_code: string | null;
  /** The Greenhouse-compatible integer id (bigint, as text). */
  board_id: string;
  expires_at: Date | null;
  /** published_at in integer microseconds since the epoch (exact, unlike a JS Date), for cursors. */
  published_key: string;
  title_key: string;
  /** Only when the URLs were asked for: the organization's slug and careers site (joined, not a separate lookup). */
  org_slug?: string;
  org_careers_site_url?: string | null;
}

/** One filter condition, tagged with the facet it belongs to (so that facet can leave it out). */
export interface PostingCondition {
  facet: FacetName | null;
  /** Set when the condition is one value of a category (team, department, commitment, level), lower-cased: the counts table then holds its total. */
  categoryValue?: string;
  sql: string;
  params: unknown[];
}

/** The total and the facet counts of a public postings list. */
export interface Counts {
  total: number | null;
  facets: Partial<Record<FacetName, { value: string; count: number }[]>>;
}
