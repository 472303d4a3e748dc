import { Field, ID, InputType, Int } from 'type-graphql';
import { ApplicationStatus } from './application-enums';

@InputType()
export class ApplicationUrlInput {
  @Field(() => String, { nullable: true, description: 'E.g. "GitHub"; at most 255 characters.' })
  label?: string | null;

  @Field({ description: 'http or https only.' })
  url!: string;
}

@InputType({ description: 'One answer to a posting question; set the one field that matches the question kind.' })
export class ApplicationAnswerInput {
  @Field(() => ID)
  questionId!: string;

  @Field(() => String, { nullable: true, description: 'TEXT and TEXTAREA.' })
  text?: string | null;

  @Field(() => [String], { nullable: true, description: 'SINGLE_SELECT (exactly one) and MULTI_SELECT, from the options.' })
  choices?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'FILE: a staged upload (POST /uploads, purpose ATTACHMENT or RESUME).' })
  uploadId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'BOOLEAN.' })
  boolean?: boolean | null;
}

@InputType()
export class ApplicationConsentInput {
  @Field({ defaultValue: false })
  marketing: boolean = false;

  @Field({ defaultValue: false })
  store: boolean = false;

  @Field(() => Int, { nullable: true, description: 'The privacy notice version the candidate was shown (posting.privacyNotice.version); the current one when omitted.' })
  privacyNoticeVersion?: number | null;
}

@InputType({ description: 'What a candidate submits. Every refusal is BAD_USER_INPUT naming the field.' })
export class ApplicationInput {
  @Field({ description: 'At most 255 characters, no URLs.' })
  name!: string;

  @Field({ description: 'At most 255 characters. Candidates are deduplicated by it (case-insensitively).' })
  email!: string;

  @Field(() => String, { nullable: true, description: 'At most 50 characters.' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 255 characters.' })
  currentCompany?: string | null;

  @Field(() => [ApplicationUrlInput], { nullable: true, description: 'At most 10.' })
  urls?: ApplicationUrlInput[] | null;

  @Field(() => String, { nullable: true, description: 'At most 10 000 characters.' })
  comments?: string | null;

  @Field(() => ID, { nullable: true, description: 'A staged upload (POST /uploads, purpose RESUME), used once.' })
  resumeUploadId?: string | null;

  @Field(() => [ApplicationAnswerInput], { nullable: true, description: 'Every required question must be answered.' })
  answers?: ApplicationAnswerInput[] | null;

  @Field(() => ApplicationConsentInput, { nullable: true })
  consent?: ApplicationConsentInput | null;

  @Field(() => String, { nullable: true, description: 'Where the candidate came from, e.g. "LinkedIn"; at most 255 characters.' })
  source?: string | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. Europe/Berlin.' })
  timezone?: string | null;
}

@InputType()
export class ApplicationFilter {
  @Field(() => ID, { nullable: true })
  postingId?: string | null;

  @Field(() => ApplicationStatus, { nullable: true })
  status?: ApplicationStatus | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the name or e-mail.' })
  search?: string | null;
}
