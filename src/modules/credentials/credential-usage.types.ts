import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Calls of one operation on one UTC day.' })
export class DailyOperationUsage {
  @Field({ description: 'YYYY-MM-DD (UTC).' })
  day!: string;

  @Field(() => Int)
  allowed!: number;

  @Field(() => Int)
  refused!: number;
}

@ObjectType({ description: 'One catalog operation as a key used it in the window.' })
export class ApiCredentialOperationUsage {
  @Field()
  operation!: string;

  @Field({ description: 'Whether the key holds this operation now.' })
  granted!: boolean;

  @Field(() => Int)
  allowedCount!: number;

  @Field(() => Int, { description: 'Calls refused FORBIDDEN because the key lacks this operation.' })
  refusedCount!: number;

  @Field(() => String, { nullable: true, description: 'For refused calls: the permission that would have allowed them.' })
  missingPermission!: string | null;

  @Field(() => Date, { nullable: true })
  firstAllowedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  lastAllowedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  firstRefusedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  lastRefusedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'The last allowed call.' })
  lastUsedAt!: Date | null;

  @Field(() => [DailyOperationUsage], { description: 'Days with calls only, oldest first.' })
  daily!: DailyOperationUsage[];
}

@ObjectType()
export class ApiCredentialUsage {
  @Field()
  credentialId!: string;

  @Field(() => Date)
  since!: Date;

  @Field(() => [ApiCredentialOperationUsage], { description: 'Every granted operation (zero counts when unused) and every refused one.' })
  operations!: ApiCredentialOperationUsage[];

  @Field(() => Int, { description: 'Confidential postings, applications and audit events the key loaded (with allowConfidential).' })
  confidentialReads!: number;

  @Field(() => Date, { nullable: true })
  lastConfidentialReadAt!: Date | null;

  @Field(() => Int)
  grantedCount!: number;

  @Field(() => Int, { description: 'Granted operations with at least one allowed call in the window.' })
  usedCount!: number;
}

@ObjectType()
export class RemovedOperationImpact {
  @Field()
  operation!: string;

  @Field(() => Int, { description: 'Allowed calls in the last 90 days that would now be FORBIDDEN.' })
  allowedCount!: number;

  @Field(() => Date, { nullable: true })
  lastUsedAt!: Date | null;
}

@ObjectType({ description: 'What a permission change would do, judged by the last 90 days of usage. Changes nothing.' })
export class ApiCredentialPermissionImpact {
  @Field(() => [RemovedOperationImpact])
  removedWhileUsed!: RemovedOperationImpact[];

  @Field(() => [String])
  removedUnused!: string[];

  @Field(() => [String])
  added!: string[];

  @Field(() => Int)
  confidentialReads!: number;

  @Field({ description: 'allowConfidential would go off while the key read confidential rows.' })
  confidentialReadsWouldBeHidden!: boolean;

  @Field({ description: 'Whether calls the key made would stop working.' })
  breaks!: boolean;

  @Field({ description: 'Pass to updateApiCredential(expectedImpactHash) or narrowApiCredential.' })
  impactHash!: string;
}

@ObjectType()
export class ApiCredentialPermissionSuggestion {
  @Field(() => Date)
  since!: Date;

  @Field(() => [String], { description: 'The smallest grant covering every allowed call since `since`.' })
  operations!: string[];

  @Field(() => [String], { description: 'Granted operations the suggestion drops.' })
  dropped!: string[];

  @Field(() => ApiCredentialPermissionImpact, { description: 'The impact of applying it; its impactHash is what narrowApiCredential expects.' })
  impact!: ApiCredentialPermissionImpact;
}
