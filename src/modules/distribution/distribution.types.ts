import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum Destination {
  GOOGLE = 'GOOGLE',
  INDEED = 'INDEED',
  LINKEDIN = 'LINKEDIN',
  INDEXNOW = 'INDEXNOW',
}
registerEnumType(Destination, { name: 'DistributionDestination' });

export enum DistributionStatus {
  /** The organization does not send postings to this destination (setting or configuration). */
  OFF = 'OFF',
  /** The posting is not public (draft, internal, closed, confidential or expired), so no destination has it. */
  NOT_LISTED = 'NOT_LISTED',
  /** A field the destination requires is missing: it will refuse or drop the job. */
  BLOCKED = 'BLOCKED',
  /** Only recommended fields are missing: the job is listed, but ranked or shown worse. */
  WARNINGS = 'WARNINGS',
  READY = 'READY',
}
registerEnumType(DistributionStatus, { name: 'DistributionStatus' });

@ObjectType({ description: 'One thing a destination lacks, on the posting field (or organization setting) that fixes it.' })
export class DistributionProblem {
  @Field()
  field!: string;

  @Field()
  message!: string;

  @Field({ description: 'True when the destination refuses the job without it; false when it only ranks it lower.' })
  blocking!: boolean;
}

@ObjectType({ description: 'What one destination makes of a posting.' })
export class DistributionEntry {
  @Field(() => Destination)
  destination!: Destination;

  @Field(() => DistributionStatus)
  status!: DistributionStatus;

  @Field(() => [DistributionProblem])
  problems!: DistributionProblem[];

  @Field(() => Date, { nullable: true, description: 'When the destination was last notified of this posting (search engines only; null for pulled feeds and until a notification is sent).' })
  lastNotifiedAt!: Date | null;
}
