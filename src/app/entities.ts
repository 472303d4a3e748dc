import { ActorRef } from '../modules/audit/actor';
import { AuditEvent } from '../modules/audit/audit-event.entity';
import { Organization } from '../modules/organizations/organization.entity';
import { OrganizationSettings } from '../modules/organizations/organization-settings';
import { ApiCredential } from '../modules/credentials/credential.entity';
import { CredentialUsage } from '../modules/credentials/credential-usage.entity';
import { Application } from '../modules/applications/application.entity';
import { PrivacyNotice } from '../modules/data-rights';
import { Candidate } from '../modules/applications/candidate.entity';
import { Posting } from '../modules/postings/posting.entity';
import { PostingCount } from '../modules/postings/posting-count.entity';
import { BoardGroup } from '../modules/dialects/greenhouse/board-group.entity';
import { Session } from '../modules/users/session.entity';
import { User } from '../modules/users/user.entity';
import { StoredFile } from '../modules/uploads/stored-file.entity';
import { StoredFileContent } from '../modules/uploads/stored-file-content.entity';

/** Every entity the ORM knows. Each module adds its own here. */
export const entities = [Organization, OrganizationSettings, User, Session, AuditEvent, ActorRef, Posting, PostingCount, StoredFile, StoredFileContent, ApiCredential, CredentialUsage, Candidate, Application, BoardGroup, PrivacyNotice];
