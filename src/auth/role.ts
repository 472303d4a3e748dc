import { registerEnumType } from 'type-graphql';

export enum Role {
  SUPER_ADMIN = 'SUPER_ADMIN',
  ADMIN = 'ADMIN',
  TEAM_MEMBER = 'TEAM_MEMBER',
}
registerEnumType(Role, { name: 'Role' });
