import { Field, InputType } from 'type-graphql';
import { BadInputError, type FieldProblem } from '../../errors';
import { PostingState } from './posting-enums';

/** Filters of the admin `postings` list: values within a field are ORed, fields are ANDed. */
/** The SDL keeps the name `AdminPostingFilter`; the TS name says it is an input, not a MikroORM filter. */
@InputType('AdminPostingFilter')
export class AdminPostingFilterInput {
  @Field(() => [PostingState], { nullable: true })
  states?: PostingState[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only confidential (true) or only regular (false) postings.' })
  confidential?: boolean | null;

  @Field(() => [String], { nullable: true, description: 'Case-insensitive exact match; at most 100.' })
  teams?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Case-insensitive exact match; at most 100.' })
  departments?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Matches any of a posting's location names, case-insensitively; at most 100." })
  locations?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Full-text search (web search syntax) over title, description, team and locations.' })
  search?: string | null;
}

/** As on the public API: 100 000 team names took 5.6 s of SQL before this cap. */
export const MAX_FILTER_VALUES = 100;
const MAX_SEARCH = 500;

/** Names each oversized field as `filter.<field>`, before any SQL runs. */
export function assertAdminPostingFilter(filter: AdminPostingFilterInput | null | undefined): void {
  if (!filter) return;
  const problems: FieldProblem[] = [];
  for (const field of ['states', 'teams', 'departments', 'locations'] as const) {
    if ((filter[field]?.length ?? 0) > MAX_FILTER_VALUES) problems.push({ field: `filter.${field}`, message: `must have at most ${MAX_FILTER_VALUES} values` });
  }
  if ((filter.search?.length ?? 0) > MAX_SEARCH) problems.push({ field: 'filter.search', message: `must be at most ${MAX_SEARCH} characters` });
  if (problems.length) throw new BadInputError(problems);
}
