import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'What an erasure removed. Repeating it erases nothing more (all zero).' })
export class CandidateErasure {
  @Field(() => Int)
  applications!: number;

  @Field(() => Int, { description: 'Resumes and attachments, from the file store too.' })
  files!: number;

  @Field(() => Int, { description: 'Candidate records left with no application.' })
  candidates!: number;

  @Field(() => Int, { description: 'Audit events whose personal data was scrubbed.' })
  auditEventsRedacted!: number;
}
