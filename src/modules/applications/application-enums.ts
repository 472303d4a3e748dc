import { registerEnumType } from 'type-graphql';

export enum ApplicationStatus {
  ACTIVE = 'ACTIVE',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(ApplicationStatus, { name: 'ApplicationStatus' });
