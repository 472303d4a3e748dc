import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One permission a data key can be granted, and the exact call it allows.' })
export class ApiOperation {
  @Field(() => ID, { description: 'The catalog id, e.g. users.list.' })
  id!: string;

  @Field()
  endpoint!: string;

  @Field({ description: 'read, list, download, upload, update, delete, remove, reactivate, create or add.' })
  action!: string;

  @Field({ description: 'READ (read, list, download) or WRITE.' })
  access!: string;

  @Field({ description: 'The GraphQL call (or route) this permission allows, e.g. "query users".' })
  call!: string;

  @Field()
  description!: string;

  @Field({ description: 'Objects created through this operation show the key\'s name and logo.' })
  showsCredentialLogo!: boolean;

  @Field(() => Int, { description: 'The catalog version that introduced it.' })
  since!: number;
}

@ObjectType()
export class ApiEndpoint {
  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field(() => [ApiOperation])
  operations!: ApiOperation[];
}

@ObjectType()
export class PermissionPreset {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field(() => [String])
  operations!: string[];
}

@ObjectType()
export class IntegrationPartner {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field(() => [String])
  operations!: string[];
}
