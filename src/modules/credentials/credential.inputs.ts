import { Field, ID, InputType, Int } from 'type-graphql';
import { CredentialKind, CredentialStatus } from './credential.entity';

@InputType()
export class CreateApiCredentialInput {
  @Field({ description: '1 to 100 characters; shown on every object the key creates.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'At most 500 characters.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'An integrationPartners id; its operations are added to the grant.' })
  partnerId?: string | null;

  @Field(() => [String], { nullable: true, description: 'permissionPresets ids; their operations are added to the grant.' })
  presetIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Catalog operation ids (apiEndpoints).' })
  operations?: string[] | null;

  @Field({ defaultValue: false })
  fullAccess: boolean = false;

  @Field({ defaultValue: false })
  allowConfidential: boolean = false;

  @Field(() => [String], { nullable: true, description: 'CIDRs such as 203.0.113.0/24 or 2001:db8::/32.' })
  allowedCidrs?: string[] | null;

  @Field(() => Date, { nullable: true })
  expiresAt?: Date | null;

  @Field(() => ID, { nullable: true, description: 'A staged PNG upload (POST /uploads, purpose=LOGO).' })
  logoUploadId?: string | null;

  @Field(() => Int, { nullable: true, description: '1 to 100000; default 600.' })
  rateLimitPerMinute?: number | null;
}

@InputType()
export class UpdateApiCredentialInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [String], { nullable: true, description: 'Replaces the explicit grant. Refused when the organization locks permissions.' })
  operations?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  allowConfidential?: boolean | null;

  @Field(() => [String], { nullable: true })
  allowedCidrs?: string[] | null;

  @Field(() => Date, { nullable: true })
  expiresAt?: Date | null;

  @Field(() => Int, { nullable: true })
  rateLimitPerMinute?: number | null;
}

/** The SDL keeps the name `ApiCredentialFilter`; the TS name says it is an input, not a MikroORM filter. */
@InputType('ApiCredentialFilter')
export class ApiCredentialFilterInput {
  @Field(() => CredentialKind, { nullable: true })
  kind?: CredentialKind | null;

  @Field(() => CredentialStatus, { nullable: true })
  status?: CredentialStatus | null;
}
