import { EeoQuestion } from '../eeo/categories.api';
import { Field, InputType, Int } from 'type-graphql';

/** Every field is optional: only what is given changes. */
@InputType()
export class UpdateOrganizationSettingsInput {
  @Field(() => Boolean, { nullable: true })
  lockCredentialPermissions?: boolean | null;

  @Field(() => Int, { nullable: true, description: '1 to 3650; set clearMaxCredentialLifetime to remove the limit.' })
  maxCredentialLifetimeDays?: number | null;

  @Field(() => Boolean, { nullable: true })
  clearMaxCredentialLifetime?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  feedEnabled?: boolean | null;

  @Field(() => String, { nullable: true, description: 'http(s) URL; an empty string clears it.' })
  careersSiteUrl?: string | null;

  @Field(() => [String], { nullable: true, description: 'Origins such as https://careers.example.com (at most 50).' })
  allowedOrigins?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Switches the Lever-compatible Postings API (/v0/postings/:slug) on or off.' })
  leverApiEnabled?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Switches the Greenhouse-compatible Job Board API (/v1/boards/:slug) on or off.' })
  greenhouseApiEnabled?: boolean | null;
  @Field(() => Boolean, { nullable: true })
  careersPageEnabled?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Plain text, at most 1000 characters; an empty string clears it.' })
  intro?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Switches the LinkedIn job feed (/feeds/:slug/linkedin.xml) on or off.' })
  linkedinFeedEnabled?: boolean | null;

  @Field(() => String, { nullable: true, description: 'LinkedIn company page id, digits only (at most 20); an empty string clears it.' })
  linkedinCompanyId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Switches search-engine notifications (IndexNow, Google Indexing API) for hosted pages on or off.' })
  submitHostedPages?: boolean | null;
  @Field(() => Int, { nullable: true, description: '1 to 3650 days; set clearApplicationRetention to keep applications until erased.' })
  applicationRetentionDays?: number | null;

  @Field(() => Int, { nullable: true, description: '1 to 3650 days, at least applicationRetentionDays; for candidates who consented to longer storage.' })
  consentedRetentionDays?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Removes both retention periods.' })
  clearApplicationRetention?: boolean | null;

  @Field(() => [EeoQuestion], { nullable: true, description: 'The EEO self-identification questions to ask (an empty list turns them off).' })
  eeoQuestions?: EeoQuestion[] | null;
}
