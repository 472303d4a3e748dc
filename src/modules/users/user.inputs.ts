import { Field, InputType } from 'type-graphql';
import { Role } from '../../auth/role';

@InputType()
export class CreateUserInput {
  @Field()
  email!: string;

  @Field()
  name!: string;

  @Field(() => Role)
  role!: Role;

  @Field({ description: 'At least 12 characters.' })
  password!: string;
}

@InputType()
export class UpdateUserInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => Role, { nullable: true })
  role?: Role | null;

  @Field(() => Boolean, { nullable: true, description: 'Only a Super Admin may change this.' })
  canManageApiCredentials?: boolean | null;
}
