import { registerEnumType } from 'type-graphql';

export enum PostingState {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  /** Visible to the organization's users only; never on the public API or the feed. */
  INTERNAL = 'INTERNAL',
  CLOSED = 'CLOSED',
}
registerEnumType(PostingState, { name: 'PostingState' });

export enum WorkplaceType {
  ON_SITE = 'ON_SITE',
  REMOTE = 'REMOTE',
  HYBRID = 'HYBRID',
  UNSPECIFIED = 'UNSPECIFIED',
}
registerEnumType(WorkplaceType, { name: 'WorkplaceType' });

export enum SalaryInterval {
  PER_YEAR = 'PER_YEAR',
  PER_MONTH = 'PER_MONTH',
  PER_WEEK = 'PER_WEEK',
  PER_DAY = 'PER_DAY',
  PER_HOUR = 'PER_HOUR',
}
registerEnumType(SalaryInterval, { name: 'SalaryInterval' });

export enum QuestionKind {
  TEXT = 'TEXT',
  TEXTAREA = 'TEXTAREA',
  SINGLE_SELECT = 'SINGLE_SELECT',
  MULTI_SELECT = 'MULTI_SELECT',
  FILE = 'FILE',
  BOOLEAN = 'BOOLEAN',
}
registerEnumType(QuestionKind, { name: 'QuestionKind' });

/** Kinds whose answers are chosen from `options` (and which therefore must have options). */
export const SELECT_KINDS: ReadonlySet<QuestionKind> = new Set([QuestionKind.SINGLE_SELECT, QuestionKind.MULTI_SELECT]);

export const SALARY_INTERVALS: ReadonlySet<string> = new Set(Object.values(SalaryInterval));
