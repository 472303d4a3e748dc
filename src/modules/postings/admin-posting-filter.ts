import { Field, InputType } from 'type-graphql';
import { PostingState } from './posting-enums';

/** Filters of the admin `postings` list: values within a field are ORed, fields are ANDed. */
@InputType()
export class AdminPostingFilter {
  @Field(() => [PostingState], { nullable: true })
  states?: PostingState[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only confidential (true) or only regular (false) postings.' })
  confidential?: boolean | null;

  @Field(() => [String], { nullable: true, description: 'Case-insensitive exact match.' })
  teams?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Case-insensitive exact match.' })
  departments?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Matches any of a posting's location names, case-insensitively." })
  locations?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Full-text search (web search syntax) over title, description, team and locations.' })
  search?: string | null;
}
