import { ActorRef } from '../modules/audit/actor';
import { AuditEvent } from '../modules/audit/audit-event.entity';
import { Organization } from '../modules/organizations/organization.entity';
import { OrganizationSettings } from '../modules/organizations/organization-settings';
import { Session } from '../modules/users/session.entity';
import { User } from '../modules/users/user.entity';

/** Every entity the ORM knows. Each module adds its own here. */
export const entities = [Organization, OrganizationSettings, User, Session, AuditEvent, ActorRef];
