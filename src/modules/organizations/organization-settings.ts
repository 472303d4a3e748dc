import { Embeddable, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { EeoQuestion } from '../eeo/categories.api';

@Embeddable()
@ObjectType({ description: 'Organization-wide policies.' })
export class OrganizationSettings {
  @Field({ description: 'When on, a data key\'s permissions cannot change after creation (Lever\'s rule).' })
  @Property()
  lockCredentialPermissions: boolean = false;

  @Field(() => Int, { nullable: true, description: 'Longest lifetime a data key may have; null means no limit.' })
  @Property({ nullable: true, type: 'integer' })
  maxCredentialLifetimeDays: number | null = null;

  @Field({ description: 'Whether GET /feeds/:slug.xml serves this organization\'s jobs.' })
  @Property()
  feedEnabled: boolean = true;

  @Field(() => String, { nullable: true })
  @Property({ nullable: true, type: 'text' })
  careersSiteUrl: string | null = null;

  @Field(() => [String], { description: 'Origins allowed to call the public API from a browser (CORS).' })
  @Property({ type: 'json' })
  allowedOrigins: string[] = [];

  @Field({ description: 'Whether the Lever-compatible Postings API (/v0/postings/:slug) serves this organization.' })
  @Property()
  leverApiEnabled: boolean = true;

  @Field({ description: 'Whether the Greenhouse-compatible Job Board API (/v1/boards/:slug) serves this organization.' })
  @Property()
  greenhouseApiEnabled: boolean = true;
  @Field({ description: 'Whether the hosted career pages (GET /jobs/:slug) are served.' })
  @Property()
  careersPageEnabled: boolean = true;

  @Field(() => String, { nullable: true, description: 'A short plain-text introduction shown on the hosted job board.' })
  @Property({ nullable: true, type: 'text' })
  intro: string | null = null;

  @Field(() => ID, { nullable: true, description: 'The PNG logo shown on the hosted career pages (setOrganizationLogo); served at /jobs/:slug/logo.png.' })
  @Property({ nullable: true, type: 'uuid' })
  logoFileId: string | null = null;

  @Field({ description: 'Whether GET /feeds/:slug/linkedin.xml serves this organization\'s jobs (LinkedIn\'s XML job feed). Off by default.' })
  @Property()
  linkedinFeedEnabled: boolean = false;

  @Field(() => String, { nullable: true, description: 'The organization\'s LinkedIn company page id (digits), written as companyId in the LinkedIn feed.' })
  @Property({ nullable: true, type: 'text' })
  linkedinCompanyId: string | null = null;

  @Field({ description: 'Whether hosted posting pages are announced to search engines (IndexNow, Google Indexing API) when published, changed or withdrawn. Off by default.' })
  @Property()
  submitHostedPages: boolean = false;
  @Field(() => Int, { nullable: true, description: 'Days applications are kept after they are made; null keeps them until erased.' })
  @Property({ nullable: true, type: 'integer' })
  applicationRetentionDays: number | null = null;

  @Field(() => Int, { nullable: true, description: 'Days applications are kept when the candidate consented to longer storage (consent.store); null uses applicationRetentionDays.' })
  @Property({ nullable: true, type: 'integer' })
  consentedRetentionDays: number | null = null;

  @Field(() => [EeoQuestion], { description: 'The voluntary EEO self-identification questions the apply form asks (none: off). Answers are stored apart and read only with applications.eeo.' })
  @Property({ type: 'json' })
  eeoQuestions: EeoQuestion[] = [];
}
