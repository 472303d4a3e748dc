/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type ActorType =
  | 'API_CREDENTIAL'
  | 'SYSTEM'
  | 'USER';

export type AdminPostingFilter = {
  /** Only confidential (true) or only regular (false) postings. */
  confidential?: boolean | null | undefined;
  /** Case-insensitive exact match; at most 100. */
  departments?: Array<string> | null | undefined;
  /** Matches any of a posting's location names, case-insensitively; at most 100. */
  locations?: Array<string> | null | undefined;
  /** Full-text search (web search syntax) over title, description, team and locations. */
  search?: string | null | undefined;
  states?: Array<PostingState> | null | undefined;
  /** Case-insensitive exact match; at most 100. */
  teams?: Array<string> | null | undefined;
};

export type ApiCredentialKind =
  | 'DATA'
  | 'POSTINGS';

export type ApiCredentialStatus =
  | 'ACTIVE'
  | 'EXPIRED'
  | 'REVOKED';

export type ApplicationFilter = {
  postingId?: string | number | null | undefined;
  /** Case-insensitive substring of the name or e-mail. */
  search?: string | null | undefined;
  status?: ApplicationStatus | null | undefined;
};

export type ApplicationStatus =
  | 'ACTIVE'
  | 'ARCHIVED';

export type AuditEventFilter = {
  /** Exact action, or a prefix ending in "." (e.g. "user."). */
  action?: string | null | undefined;
  actorId?: string | null | undefined;
  since?: string | null | undefined;
  targetId?: string | null | undefined;
  /** Only events before this instant (exclusive); with since, a date range. */
  until?: string | null | undefined;
};

export type CreateApiCredentialInput = {
  allowConfidential?: boolean;
  /** CIDRs such as 203.0.113.0/24 or 2001:db8::/32. */
  allowedCidrs?: Array<string> | null | undefined;
  /** At most 500 characters. */
  description?: string | null | undefined;
  expiresAt?: string | null | undefined;
  fullAccess?: boolean;
  /** A staged PNG upload (POST /uploads, purpose=LOGO). */
  logoUploadId?: string | number | null | undefined;
  /** 1 to 100 characters; shown on every object the key creates. */
  name: string;
  /** Catalog operation ids (apiEndpoints). */
  operations?: Array<string> | null | undefined;
  /** An integrationPartners id; its operations are added to the grant. */
  partnerId?: string | null | undefined;
  /** permissionPresets ids; their operations are added to the grant. */
  presetIds?: Array<string> | null | undefined;
  /** 1 to 100000; default 600. */
  rateLimitPerMinute?: number | null | undefined;
};

export type CreateUserInput = {
  email: string;
  name: string;
  /** At least 12 characters. */
  password: string;
  role: Role;
};

export type CreateWebhookEndpointInput = {
  /** Receive confidential postings and their applications; needs confidential access. */
  allowConfidential?: boolean;
  /** At most 500 characters. */
  description?: string | null | undefined;
  /** Names from webhookEventTypes; each needs its permission. */
  eventTypes: Array<string>;
  /** https, resolving to public addresses only. */
  url: string;
};

export type DistributionDestination =
  | 'GOOGLE'
  | 'INDEED'
  | 'INDEXNOW'
  | 'LINKEDIN';

export type DistributionStatus =
  | 'BLOCKED'
  | 'NOT_LISTED'
  | 'OFF'
  | 'READY'
  | 'WARNINGS';

/** A voluntary self-identification question (US EEO-1, VEVRAA, Section 503). */
export type EeoQuestion =
  | 'DISABILITY'
  | 'GENDER'
  | 'RACE_ETHNICITY'
  | 'VETERAN_STATUS';

export type Plan =
  | 'BASIC'
  | 'FULL';

export type PostingState =
  | 'CLOSED'
  | 'DRAFT'
  | 'INTERNAL'
  | 'PUBLISHED';

export type PublishPrivacyNoticeInput = {
  /** Plain text shown to candidates, at most 20 000 characters. */
  text: string;
  /** An http(s) link to the full policy. */
  url?: string | null | undefined;
};

export type Role =
  | 'ADMIN'
  | 'SUPER_ADMIN'
  | 'TEAM_MEMBER';

export type UpdateApiCredentialInput = {
  allowConfidential?: boolean | null | undefined;
  allowedCidrs?: Array<string> | null | undefined;
  description?: string | null | undefined;
  expiresAt?: string | null | undefined;
  name?: string | null | undefined;
  /** Replaces the explicit grant. Refused when the organization locks permissions. */
  operations?: Array<string> | null | undefined;
  rateLimitPerMinute?: number | null | undefined;
};

export type UpdateOrganizationSettingsInput = {
  /** Origins such as https://careers.example.com (at most 50). */
  allowedOrigins?: Array<string> | null | undefined;
  /** 1 to 3650 days; set clearApplicationRetention to keep applications until erased. */
  applicationRetentionDays?: number | null | undefined;
  careersPageEnabled?: boolean | null | undefined;
  /** http(s) URL; an empty string clears it. */
  careersSiteUrl?: string | null | undefined;
  /** Removes both retention periods. */
  clearApplicationRetention?: boolean | null | undefined;
  clearMaxCredentialLifetime?: boolean | null | undefined;
  /** 1 to 3650 days, at least applicationRetentionDays; for candidates who consented to longer storage. */
  consentedRetentionDays?: number | null | undefined;
  /** The EEO self-identification questions to ask (an empty list turns them off). */
  eeoQuestions?: Array<EeoQuestion> | null | undefined;
  feedEnabled?: boolean | null | undefined;
  /** Switches the Greenhouse-compatible Job Board API (/v1/boards/:slug) on or off. */
  greenhouseApiEnabled?: boolean | null | undefined;
  /** Plain text, at most 1000 characters; an empty string clears it. */
  intro?: string | null | undefined;
  /** Switches the Lever-compatible Postings API (/v0/postings/:slug) on or off. */
  leverApiEnabled?: boolean | null | undefined;
  /** LinkedIn company page id, digits only (at most 20); an empty string clears it. */
  linkedinCompanyId?: string | null | undefined;
  /** Switches the LinkedIn job feed (/feeds/:slug/linkedin.xml) on or off. */
  linkedinFeedEnabled?: boolean | null | undefined;
  lockCredentialPermissions?: boolean | null | undefined;
  /** 1 to 3650; set clearMaxCredentialLifetime to remove the limit. */
  maxCredentialLifetimeDays?: number | null | undefined;
  /** Switches search-engine notifications (IndexNow, Google Indexing API) for hosted pages on or off. */
  submitHostedPages?: boolean | null | undefined;
};

export type UpdateUserInput = {
  /** Only a Super Admin may change this. */
  canManageApiCredentials?: boolean | null | undefined;
  name?: string | null | undefined;
  role?: Role | null | undefined;
};

export type UpdateWebhookEndpointInput = {
  allowConfidential?: boolean | null | undefined;
  description?: string | null | undefined;
  eventTypes?: Array<string> | null | undefined;
  url?: string | null | undefined;
};

export type WebhookEndpointStatus =
  | 'DISABLED'
  | 'ENABLED';

export type WebhookMessageStatus =
  | 'DELIVERED'
  | 'DELIVERING'
  | 'FAILED'
  | 'PENDING'
  | 'SUPPRESSED';

export type WorkplaceType =
  | 'HYBRID'
  | 'ON_SITE'
  | 'REMOTE'
  | 'UNSPECIFIED';

export type DataRightsQueryVariables = Exact<{ [key: string]: never; }>;


export type DataRightsQuery = { organization: { id: string, settingsVersion: number, settings: { applicationRetentionDays: number | null, consentedRetentionDays: number | null } } | null, privacyNotices: Array<{ version: number, text: string, url: string | null, publishedAt: string }> | null };

export type UpdateRetentionMutationVariables = Exact<{
  input: UpdateOrganizationSettingsInput;
}>;


export type UpdateRetentionMutation = { updateOrganizationSettings: { id: string, settingsVersion: number, settings: { applicationRetentionDays: number | null, consentedRetentionDays: number | null } } };

export type PublishPrivacyNoticeMutationVariables = Exact<{
  input: PublishPrivacyNoticeInput;
}>;


export type PublishPrivacyNoticeMutation = { publishPrivacyNotice: { version: number, text: string, url: string | null, publishedAt: string } };

export type CandidateApplicationsQueryVariables = Exact<{
  email: string;
}>;


export type CandidateApplicationsQuery = { applications: { totalCount: number, nodes: Array<{ id: string, email: string, legalHold: boolean, createdAt: string, posting: { id: string, title: string, confidential: boolean } | null, resume: { id: string, filename: string } | null }> } | null };

export type EraseCandidateDataMutationVariables = Exact<{
  email: string;
}>;


export type EraseCandidateDataMutation = { eraseCandidateData: { applications: number, files: number, candidates: number, auditEventsRedacted: number } };

export type ExportCandidateDataMutationVariables = Exact<{
  email: string;
}>;


export type ExportCandidateDataMutation = { exportCandidateData: Record<string, unknown> };

export type SetLegalHoldMutationVariables = Exact<{
  id: string | number;
  hold: boolean;
}>;


export type SetLegalHoldMutation = { setApplicationLegalHold: { id: string, legalHold: boolean } };

export type LoginMutationVariables = Exact<{
  organizationSlug: string;
  email: string;
  password: string;
}>;


export type LoginMutation = { login: { expiresAt: string, user: { id: string, email: string, name: string, role: Role, canManageApiCredentials: boolean, active: boolean, operations: Array<string> } } };

export type MeFragment = { id: string, email: string, name: string, role: Role, canManageApiCredentials: boolean, active: boolean, operations: Array<string> };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type CurrentUserQueryVariables = Exact<{ [key: string]: never; }>;


export type CurrentUserQuery = { me: { id: string, email: string, name: string, role: Role, canManageApiCredentials: boolean, active: boolean, operations: Array<string> } | null };

export type OrganizationQueryVariables = Exact<{ [key: string]: never; }>;


export type OrganizationQuery = { organization: { id: string, slug: string, name: string, plan: Plan, settingsVersion: number, settings: { lockCredentialPermissions: boolean, maxCredentialLifetimeDays: number | null, feedEnabled: boolean, careersSiteUrl: string | null, allowedOrigins: Array<string>, careersPageEnabled: boolean, intro: string | null, logoFileId: string | null, leverApiEnabled: boolean, greenhouseApiEnabled: boolean } } | null };

export type UpdateOrganizationSettingsMutationVariables = Exact<{
  input: UpdateOrganizationSettingsInput;
}>;


export type UpdateOrganizationSettingsMutation = { updateOrganizationSettings: { id: string, settingsVersion: number, settings: { lockCredentialPermissions: boolean, maxCredentialLifetimeDays: number | null, feedEnabled: boolean, careersSiteUrl: string | null, allowedOrigins: Array<string>, careersPageEnabled: boolean, intro: string | null, logoFileId: string | null, leverApiEnabled: boolean, greenhouseApiEnabled: boolean } } };

export type SetOrganizationLogoMutationVariables = Exact<{
  uploadId?: string | number | null | undefined;
}>;


export type SetOrganizationLogoMutation = { setOrganizationLogo: { id: string, settingsVersion: number, settings: { logoFileId: string | null } } };

export type CatalogQueryVariables = Exact<{ [key: string]: never; }>;


export type CatalogQuery = { apiEndpoints: Array<{ name: string, description: string, operations: Array<{ id: string, endpoint: string, action: string, access: string, call: string, description: string, showsCredentialLogo: boolean }> }> | null, permissionPresets: Array<{ id: string, name: string, description: string, operations: Array<string> }> | null, integrationPartners: Array<{ id: string, name: string, description: string, operations: Array<string> }> | null };

export type CredentialFieldsFragment = { id: string, kind: ApiCredentialKind, name: string, description: string | null, partner: string | null, fullAccess: boolean, allowConfidential: boolean, allowedCidrs: Array<string>, expiresAt: string | null, revokedAt: string | null, secretHint: string, previousSecretExpiresAt: string | null, rateLimitPerMinute: number, lastUsedAt: string | null, createdAt: string, status: ApiCredentialStatus, operations: Array<string>, useCount: number, logoUrl: string | null, createdBy: { id: string, name: string, email: string } | null };

export type CredentialsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type CredentialsQuery = { apiCredentials: { totalCount: number, nodes: Array<{ id: string, kind: ApiCredentialKind, name: string, description: string | null, partner: string | null, fullAccess: boolean, allowConfidential: boolean, allowedCidrs: Array<string>, expiresAt: string | null, revokedAt: string | null, secretHint: string, previousSecretExpiresAt: string | null, rateLimitPerMinute: number, lastUsedAt: string | null, createdAt: string, status: ApiCredentialStatus, operations: Array<string>, useCount: number, logoUrl: string | null, createdBy: { id: string, name: string, email: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null };

export type CredentialQueryVariables = Exact<{
  id: string | number;
}>;


export type CredentialQuery = { apiCredential: { id: string, kind: ApiCredentialKind, name: string, description: string | null, partner: string | null, fullAccess: boolean, allowConfidential: boolean, allowedCidrs: Array<string>, expiresAt: string | null, revokedAt: string | null, secretHint: string, previousSecretExpiresAt: string | null, rateLimitPerMinute: number, lastUsedAt: string | null, createdAt: string, status: ApiCredentialStatus, operations: Array<string>, useCount: number, logoUrl: string | null, createdBy: { id: string, name: string, email: string } | null } | null, organization: { id: string, settings: { lockCredentialPermissions: boolean } } | null };

export type PostingsKeyQueryVariables = Exact<{ [key: string]: never; }>;


export type PostingsKeyQuery = { postingsApiCredential: { id: string, kind: ApiCredentialKind, name: string, description: string | null, partner: string | null, fullAccess: boolean, allowConfidential: boolean, allowedCidrs: Array<string>, expiresAt: string | null, revokedAt: string | null, secretHint: string, previousSecretExpiresAt: string | null, rateLimitPerMinute: number, lastUsedAt: string | null, createdAt: string, status: ApiCredentialStatus, operations: Array<string>, useCount: number, logoUrl: string | null, createdBy: { id: string, name: string, email: string } | null } | null };

export type RevealPostingsKeyMutationVariables = Exact<{ [key: string]: never; }>;


export type RevealPostingsKeyMutation = { revealPostingsApiKey: string };

export type CreateCredentialMutationVariables = Exact<{
  input: CreateApiCredentialInput;
}>;


export type CreateCredentialMutation = { createApiCredential: { secret: string, credential: { id: string, kind: ApiCredentialKind, name: string, description: string | null, partner: string | null, fullAccess: boolean, allowConfidential: boolean, allowedCidrs: Array<string>, expiresAt: string | null, revokedAt: string | null, secretHint: string, previousSecretExpiresAt: string | null, rateLimitPerMinute: number, lastUsedAt: string | null, createdAt: string, status: ApiCredentialStatus, operations: Array<string>, useCount: number, logoUrl: string | null, createdBy: { id: string, name: string, email: string } | null } } };

export type UpdateCredentialMutationVariables = Exact<{
  id: string | number;
  input: UpdateApiCredentialInput;
  expectedImpactHash?: string | null | undefined;
}>;


export type UpdateCredentialMutation = { updateApiCredential: { id: string, kind: ApiCredentialKind, name: string, description: string | null, partner: string | null, fullAccess: boolean, allowConfidential: boolean, allowedCidrs: Array<string>, expiresAt: string | null, revokedAt: string | null, secretHint: string, previousSecretExpiresAt: string | null, rateLimitPerMinute: number, lastUsedAt: string | null, createdAt: string, status: ApiCredentialStatus, operations: Array<string>, useCount: number, logoUrl: string | null, createdBy: { id: string, name: string, email: string } | null } };

export type RevokeCredentialMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeCredentialMutation = { revokeApiCredential: { id: string, status: ApiCredentialStatus, revokedAt: string | null } };

export type ReenableCredentialMutationVariables = Exact<{
  id: string | number;
}>;


export type ReenableCredentialMutation = { reenableApiCredential: { id: string, status: ApiCredentialStatus, revokedAt: string | null } };

export type DeleteCredentialMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteCredentialMutation = { deleteApiCredential: boolean };

export type RotateCredentialMutationVariables = Exact<{
  id: string | number;
  previousSecretTtlSeconds: number;
}>;


export type RotateCredentialMutation = { rotateApiCredential: { secret: string, credential: { id: string, kind: ApiCredentialKind, name: string, description: string | null, partner: string | null, fullAccess: boolean, allowConfidential: boolean, allowedCidrs: Array<string>, expiresAt: string | null, revokedAt: string | null, secretHint: string, previousSecretExpiresAt: string | null, rateLimitPerMinute: number, lastUsedAt: string | null, createdAt: string, status: ApiCredentialStatus, operations: Array<string>, useCount: number, logoUrl: string | null, createdBy: { id: string, name: string, email: string } | null } } };

export type UserFieldsFragment = { id: string, email: string, name: string, role: Role, canManageApiCredentials: boolean, active: boolean, createdAt: string };

export type UsersQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type UsersQuery = { users: { totalCount: number, nodes: Array<{ id: string, email: string, name: string, role: Role, canManageApiCredentials: boolean, active: boolean, createdAt: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null };

export type CreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type CreateUserMutation = { createUser: { id: string, email: string, name: string, role: Role, canManageApiCredentials: boolean, active: boolean, createdAt: string } };

export type UpdateUserMutationVariables = Exact<{
  id: string | number;
  input: UpdateUserInput;
}>;


export type UpdateUserMutation = { updateUser: { id: string, email: string, name: string, role: Role, canManageApiCredentials: boolean, active: boolean, createdAt: string } };

export type DeactivateUserMutationVariables = Exact<{
  id: string | number;
}>;


export type DeactivateUserMutation = { deactivateUser: { id: string, email: string, name: string, role: Role, canManageApiCredentials: boolean, active: boolean, createdAt: string } };

export type ReactivateUserMutationVariables = Exact<{
  id: string | number;
}>;


export type ReactivateUserMutation = { reactivateUser: { id: string, email: string, name: string, role: Role, canManageApiCredentials: boolean, active: boolean, createdAt: string } };

export type AuditEventsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: AuditEventFilter | null | undefined;
}>;


export type AuditEventsQuery = { auditEvents: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, at: string, actorType: ActorType, actorId: string | null, actorName: string | null, onBehalfOfUserId: string | null, action: string, targetType: string | null, targetId: string | null, changes: Record<string, unknown> | null, ip: string | null, requestId: string | null }> } | null };

export type PostingsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: AdminPostingFilter | null | undefined;
}>;


export type PostingsQuery = { postings: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, title: string, state: PostingState, confidential: boolean, team: string | null, workplaceType: WorkplaceType, publishedAt: string | null, updatedAt: string, locations: Array<{ name: string }>, distribution: Array<{ destination: DistributionDestination, status: DistributionStatus, lastNotifiedAt: string | null, problems: Array<{ field: string, message: string, blocking: boolean }> }> }> } | null };

export type SetPostingStateMutationVariables = Exact<{
  id: string | number;
  state: PostingState;
}>;


export type SetPostingStateMutation = { setPostingState: { id: string, state: PostingState, publishedAt: string | null, updatedAt: string } };

export type ApplicationsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: ApplicationFilter | null | undefined;
}>;


export type ApplicationsQuery = { applications: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, name: string, email: string, status: ApplicationStatus, createdAt: string, legalHold: boolean, posting: { id: string, title: string } | null, resume: { id: string, filename: string, size: number } | null }> } | null };

export type ResumeLinkQueryVariables = Exact<{
  id: string | number;
}>;


export type ResumeLinkQuery = { application: { id: string, resume: { id: string, filename: string, downloadUrl: string | null } | null } | null };

export type ImpactFieldsFragment = { removedUnused: Array<string>, added: Array<string>, confidentialReads: number, confidentialReadsWouldBeHidden: boolean, breaks: boolean, impactHash: string, removedWhileUsed: Array<{ operation: string, allowedCount: number, lastUsedAt: string | null }> };

export type CredentialUsageQueryVariables = Exact<{
  id: string | number;
  since?: string | null | undefined;
}>;


export type CredentialUsageQuery = { apiCredential: { id: string, name: string, secretHint: string, status: ApiCredentialStatus, fullAccess: boolean, operations: Array<string> } | null, apiCredentialUsage: { since: string, grantedCount: number, usedCount: number, confidentialReads: number, lastConfidentialReadAt: string | null, operations: Array<{ operation: string, granted: boolean, allowedCount: number, refusedCount: number, missingPermission: string | null, lastUsedAt: string | null, lastRefusedAt: string | null, daily: Array<{ day: string, allowed: number, refused: number }> }> } };

export type PreviewPermissionsQueryVariables = Exact<{
  id: string | number;
  operations: Array<string> | string;
  fullAccess: boolean;
  allowConfidential: boolean;
}>;


export type PreviewPermissionsQuery = { previewApiCredentialPermissions: { removedUnused: Array<string>, added: Array<string>, confidentialReads: number, confidentialReadsWouldBeHidden: boolean, breaks: boolean, impactHash: string, removedWhileUsed: Array<{ operation: string, allowedCount: number, lastUsedAt: string | null }> } };

export type SuggestPermissionsQueryVariables = Exact<{
  id: string | number;
  since?: string | null | undefined;
}>;


export type SuggestPermissionsQuery = { suggestApiCredentialPermissions: { since: string, operations: Array<string>, dropped: Array<string>, impact: { removedUnused: Array<string>, added: Array<string>, confidentialReads: number, confidentialReadsWouldBeHidden: boolean, breaks: boolean, impactHash: string, removedWhileUsed: Array<{ operation: string, allowedCount: number, lastUsedAt: string | null }> } } };

export type NarrowCredentialMutationVariables = Exact<{
  id: string | number;
  since?: string | null | undefined;
  expectedImpactHash: string;
}>;


export type NarrowCredentialMutation = { narrowApiCredential: { id: string, kind: ApiCredentialKind, name: string, description: string | null, partner: string | null, fullAccess: boolean, allowConfidential: boolean, allowedCidrs: Array<string>, expiresAt: string | null, revokedAt: string | null, secretHint: string, previousSecretExpiresAt: string | null, rateLimitPerMinute: number, lastUsedAt: string | null, createdAt: string, status: ApiCredentialStatus, operations: Array<string>, useCount: number, logoUrl: string | null, createdBy: { id: string, name: string, email: string } | null } };

export type DistributionSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type DistributionSettingsQuery = { organization: { id: string, settingsVersion: number, settings: { linkedinFeedEnabled: boolean, linkedinCompanyId: string | null, submitHostedPages: boolean, careersPageEnabled: boolean, careersSiteUrl: string | null } } | null };

export type UpdateDistributionSettingsMutationVariables = Exact<{
  input: UpdateOrganizationSettingsInput;
}>;


export type UpdateDistributionSettingsMutation = { updateOrganizationSettings: { id: string, settingsVersion: number, settings: { linkedinFeedEnabled: boolean, linkedinCompanyId: string | null, submitHostedPages: boolean } } };

export type EeoReportQueryVariables = Exact<{
  postingId?: string | number | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type EeoReportQuery = { eeoReport: { minimumCellSize: number, responses: number | null, from: string | null, to: string | null, questions: Array<{ question: EeoQuestion, label: string, cells: Array<{ answer: string, label: string, count: number | null, suppressed: boolean }> }> } };

export type EeoSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type EeoSettingsQuery = { organization: { id: string, settingsVersion: number, settings: { eeoQuestions: Array<EeoQuestion> } } | null };

export type UpdateEeoSettingsMutationVariables = Exact<{
  input: UpdateOrganizationSettingsInput;
}>;


export type UpdateEeoSettingsMutation = { updateOrganizationSettings: { id: string, settingsVersion: number, settings: { eeoQuestions: Array<EeoQuestion> } } };

export type WebhookAccessQueryVariables = Exact<{ [key: string]: never; }>;


export type WebhookAccessQuery = { webhookAccess: { operations: Array<string>, allowConfidential: boolean } };

export type WebhookEndpointFieldsFragment = { id: string, url: string, eventTypes: Array<string>, description: string | null, allowConfidential: boolean, status: WebhookEndpointStatus, disabledReason: string | null, failingSince: string | null, previousSecretExpiresAt: string | null, createdAt: string, updatedAt: string };

export type WebhookEventTypesQueryVariables = Exact<{ [key: string]: never; }>;


export type WebhookEventTypesQuery = { webhookEventTypes: Array<{ name: string, description: string, permission: string, group: string }> };

export type WebhookEndpointsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type WebhookEndpointsQuery = { webhookEndpoints: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, url: string, eventTypes: Array<string>, description: string | null, allowConfidential: boolean, status: WebhookEndpointStatus, disabledReason: string | null, failingSince: string | null, previousSecretExpiresAt: string | null, createdAt: string, updatedAt: string }> } };

export type WebhookEndpointQueryVariables = Exact<{
  id: string | number;
}>;


export type WebhookEndpointQuery = { webhookEndpoint: { id: string, url: string, eventTypes: Array<string>, description: string | null, allowConfidential: boolean, status: WebhookEndpointStatus, disabledReason: string | null, failingSince: string | null, previousSecretExpiresAt: string | null, createdAt: string, updatedAt: string } | null };

export type WebhookMessagesQueryVariables = Exact<{
  endpointId: string | number;
  first: number;
  after?: string | null | undefined;
}>;


export type WebhookMessagesQuery = { webhookMessages: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, eventType: string, createdAt: string, status: WebhookMessageStatus, nextAttemptAt: string | null, attempts: Array<{ at: string, statusCode: number | null, durationMs: number, error: string | null, responseExcerpt: string | null }> }> } };

export type CreateWebhookEndpointMutationVariables = Exact<{
  input: CreateWebhookEndpointInput;
}>;


export type CreateWebhookEndpointMutation = { createWebhookEndpoint: { secret: string, endpoint: { id: string, url: string, eventTypes: Array<string>, description: string | null, allowConfidential: boolean, status: WebhookEndpointStatus, disabledReason: string | null, failingSince: string | null, previousSecretExpiresAt: string | null, createdAt: string, updatedAt: string } } };

export type UpdateWebhookEndpointMutationVariables = Exact<{
  id: string | number;
  input: UpdateWebhookEndpointInput;
}>;


export type UpdateWebhookEndpointMutation = { updateWebhookEndpoint: { id: string, url: string, eventTypes: Array<string>, description: string | null, allowConfidential: boolean, status: WebhookEndpointStatus, disabledReason: string | null, failingSince: string | null, previousSecretExpiresAt: string | null, createdAt: string, updatedAt: string } };

export type DisableWebhookEndpointMutationVariables = Exact<{
  id: string | number;
}>;


export type DisableWebhookEndpointMutation = { disableWebhookEndpoint: { id: string, url: string, eventTypes: Array<string>, description: string | null, allowConfidential: boolean, status: WebhookEndpointStatus, disabledReason: string | null, failingSince: string | null, previousSecretExpiresAt: string | null, createdAt: string, updatedAt: string } };

export type EnableWebhookEndpointMutationVariables = Exact<{
  id: string | number;
}>;


export type EnableWebhookEndpointMutation = { enableWebhookEndpoint: { id: string, url: string, eventTypes: Array<string>, description: string | null, allowConfidential: boolean, status: WebhookEndpointStatus, disabledReason: string | null, failingSince: string | null, previousSecretExpiresAt: string | null, createdAt: string, updatedAt: string } };

export type DeleteWebhookEndpointMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteWebhookEndpointMutation = { deleteWebhookEndpoint: boolean };

export type RotateWebhookEndpointSecretMutationVariables = Exact<{
  id: string | number;
  previousSecretTtlSeconds: number;
}>;


export type RotateWebhookEndpointSecretMutation = { rotateWebhookEndpointSecret: { secret: string, endpoint: { id: string, url: string, eventTypes: Array<string>, description: string | null, allowConfidential: boolean, status: WebhookEndpointStatus, disabledReason: string | null, failingSince: string | null, previousSecretExpiresAt: string | null, createdAt: string, updatedAt: string } } };

export type RedeliverWebhookMessageMutationVariables = Exact<{
  endpointId: string | number;
  messageId: string | number;
}>;


export type RedeliverWebhookMessageMutation = { redeliverWebhookMessage: boolean };

export type SendTestWebhookMutationVariables = Exact<{
  endpointId: string | number;
  eventType: string;
}>;


export type SendTestWebhookMutation = { sendTestWebhook: string };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const MeFragmentDoc = new TypedDocumentString(`
    fragment Me on User {
  id
  email
  name
  role
  canManageApiCredentials
  active
  operations
}
    `, {"fragmentName":"Me"}) as unknown as TypedDocumentString<MeFragment, unknown>;
export const CredentialFieldsFragmentDoc = new TypedDocumentString(`
    fragment CredentialFields on ApiCredential {
  id
  kind
  name
  description
  partner
  fullAccess
  allowConfidential
  allowedCidrs
  expiresAt
  revokedAt
  secretHint
  previousSecretExpiresAt
  rateLimitPerMinute
  lastUsedAt
  createdAt
  status
  operations
  useCount
  logoUrl
  createdBy {
    id
    name
    email
  }
}
    `, {"fragmentName":"CredentialFields"}) as unknown as TypedDocumentString<CredentialFieldsFragment, unknown>;
export const UserFieldsFragmentDoc = new TypedDocumentString(`
    fragment UserFields on User {
  id
  email
  name
  role
  canManageApiCredentials
  active
  createdAt
}
    `, {"fragmentName":"UserFields"}) as unknown as TypedDocumentString<UserFieldsFragment, unknown>;
export const ImpactFieldsFragmentDoc = new TypedDocumentString(`
    fragment ImpactFields on ApiCredentialPermissionImpact {
  removedWhileUsed {
    operation
    allowedCount
    lastUsedAt
  }
  removedUnused
  added
  confidentialReads
  confidentialReadsWouldBeHidden
  breaks
  impactHash
}
    `, {"fragmentName":"ImpactFields"}) as unknown as TypedDocumentString<ImpactFieldsFragment, unknown>;
export const WebhookEndpointFieldsFragmentDoc = new TypedDocumentString(`
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  eventTypes
  description
  allowConfidential
  status
  disabledReason
  failingSince
  previousSecretExpiresAt
  createdAt
  updatedAt
}
    `, {"fragmentName":"WebhookEndpointFields"}) as unknown as TypedDocumentString<WebhookEndpointFieldsFragment, unknown>;
export const DataRightsDocument = new TypedDocumentString(`
    query DataRights {
  organization {
    id
    settingsVersion
    settings {
      applicationRetentionDays
      consentedRetentionDays
    }
  }
  privacyNotices {
    version
    text
    url
    publishedAt
  }
}
    `) as unknown as TypedDocumentString<DataRightsQuery, DataRightsQueryVariables>;
export const UpdateRetentionDocument = new TypedDocumentString(`
    mutation UpdateRetention($input: UpdateOrganizationSettingsInput!) {
  updateOrganizationSettings(input: $input) {
    id
    settingsVersion
    settings {
      applicationRetentionDays
      consentedRetentionDays
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateRetentionMutation, UpdateRetentionMutationVariables>;
export const PublishPrivacyNoticeDocument = new TypedDocumentString(`
    mutation PublishPrivacyNotice($input: PublishPrivacyNoticeInput!) {
  publishPrivacyNotice(input: $input) {
    version
    text
    url
    publishedAt
  }
}
    `) as unknown as TypedDocumentString<PublishPrivacyNoticeMutation, PublishPrivacyNoticeMutationVariables>;
export const CandidateApplicationsDocument = new TypedDocumentString(`
    query CandidateApplications($email: String!) {
  applications(first: 100, filter: {search: $email}) {
    totalCount
    nodes {
      id
      email
      legalHold
      createdAt
      posting {
        id
        title
        confidential
      }
      resume {
        id
        filename
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CandidateApplicationsQuery, CandidateApplicationsQueryVariables>;
export const EraseCandidateDataDocument = new TypedDocumentString(`
    mutation EraseCandidateData($email: String!) {
  eraseCandidateData(email: $email) {
    applications
    files
    candidates
    auditEventsRedacted
  }
}
    `) as unknown as TypedDocumentString<EraseCandidateDataMutation, EraseCandidateDataMutationVariables>;
export const ExportCandidateDataDocument = new TypedDocumentString(`
    mutation ExportCandidateData($email: String!) {
  exportCandidateData(email: $email)
}
    `) as unknown as TypedDocumentString<ExportCandidateDataMutation, ExportCandidateDataMutationVariables>;
export const SetLegalHoldDocument = new TypedDocumentString(`
    mutation SetLegalHold($id: ID!, $hold: Boolean!) {
  setApplicationLegalHold(id: $id, hold: $hold) {
    id
    legalHold
  }
}
    `) as unknown as TypedDocumentString<SetLegalHoldMutation, SetLegalHoldMutationVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($organizationSlug: String!, $email: String!, $password: String!) {
  login(organizationSlug: $organizationSlug, email: $email, password: $password) {
    expiresAt
    user {
      ...Me
    }
  }
}
    fragment Me on User {
  id
  email
  name
  role
  canManageApiCredentials
  active
  operations
}`) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout {
  logout
}
    `) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const CurrentUserDocument = new TypedDocumentString(`
    query CurrentUser {
  me {
    ...Me
  }
}
    fragment Me on User {
  id
  email
  name
  role
  canManageApiCredentials
  active
  operations
}`) as unknown as TypedDocumentString<CurrentUserQuery, CurrentUserQueryVariables>;
export const OrganizationDocument = new TypedDocumentString(`
    query Organization {
  organization {
    id
    slug
    name
    plan
    settingsVersion
    settings {
      lockCredentialPermissions
      maxCredentialLifetimeDays
      feedEnabled
      careersSiteUrl
      allowedOrigins
      careersPageEnabled
      intro
      logoFileId
      leverApiEnabled
      greenhouseApiEnabled
    }
  }
}
    `) as unknown as TypedDocumentString<OrganizationQuery, OrganizationQueryVariables>;
export const UpdateOrganizationSettingsDocument = new TypedDocumentString(`
    mutation UpdateOrganizationSettings($input: UpdateOrganizationSettingsInput!) {
  updateOrganizationSettings(input: $input) {
    id
    settingsVersion
    settings {
      lockCredentialPermissions
      maxCredentialLifetimeDays
      feedEnabled
      careersSiteUrl
      allowedOrigins
      careersPageEnabled
      intro
      logoFileId
      leverApiEnabled
      greenhouseApiEnabled
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateOrganizationSettingsMutation, UpdateOrganizationSettingsMutationVariables>;
export const SetOrganizationLogoDocument = new TypedDocumentString(`
    mutation SetOrganizationLogo($uploadId: ID) {
  setOrganizationLogo(uploadId: $uploadId) {
    id
    settingsVersion
    settings {
      logoFileId
    }
  }
}
    `) as unknown as TypedDocumentString<SetOrganizationLogoMutation, SetOrganizationLogoMutationVariables>;
export const CatalogDocument = new TypedDocumentString(`
    query Catalog {
  apiEndpoints {
    name
    description
    operations {
      id
      endpoint
      action
      access
      call
      description
      showsCredentialLogo
    }
  }
  permissionPresets {
    id
    name
    description
    operations
  }
  integrationPartners {
    id
    name
    description
    operations
  }
}
    `) as unknown as TypedDocumentString<CatalogQuery, CatalogQueryVariables>;
export const CredentialsDocument = new TypedDocumentString(`
    query Credentials($first: Int!, $after: String) {
  apiCredentials(first: $first, after: $after, filter: {kind: DATA}) {
    totalCount
    nodes {
      ...CredentialFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment CredentialFields on ApiCredential {
  id
  kind
  name
  description
  partner
  fullAccess
  allowConfidential
  allowedCidrs
  expiresAt
  revokedAt
  secretHint
  previousSecretExpiresAt
  rateLimitPerMinute
  lastUsedAt
  createdAt
  status
  operations
  useCount
  logoUrl
  createdBy {
    id
    name
    email
  }
}`) as unknown as TypedDocumentString<CredentialsQuery, CredentialsQueryVariables>;
export const CredentialDocument = new TypedDocumentString(`
    query Credential($id: ID!) {
  apiCredential(id: $id) {
    ...CredentialFields
  }
  organization {
    id
    settings {
      lockCredentialPermissions
    }
  }
}
    fragment CredentialFields on ApiCredential {
  id
  kind
  name
  description
  partner
  fullAccess
  allowConfidential
  allowedCidrs
  expiresAt
  revokedAt
  secretHint
  previousSecretExpiresAt
  rateLimitPerMinute
  lastUsedAt
  createdAt
  status
  operations
  useCount
  logoUrl
  createdBy {
    id
    name
    email
  }
}`) as unknown as TypedDocumentString<CredentialQuery, CredentialQueryVariables>;
export const PostingsKeyDocument = new TypedDocumentString(`
    query PostingsKey {
  postingsApiCredential {
    ...CredentialFields
  }
}
    fragment CredentialFields on ApiCredential {
  id
  kind
  name
  description
  partner
  fullAccess
  allowConfidential
  allowedCidrs
  expiresAt
  revokedAt
  secretHint
  previousSecretExpiresAt
  rateLimitPerMinute
  lastUsedAt
  createdAt
  status
  operations
  useCount
  logoUrl
  createdBy {
    id
    name
    email
  }
}`) as unknown as TypedDocumentString<PostingsKeyQuery, PostingsKeyQueryVariables>;
export const RevealPostingsKeyDocument = new TypedDocumentString(`
    mutation RevealPostingsKey {
  revealPostingsApiKey
}
    `) as unknown as TypedDocumentString<RevealPostingsKeyMutation, RevealPostingsKeyMutationVariables>;
export const CreateCredentialDocument = new TypedDocumentString(`
    mutation CreateCredential($input: CreateApiCredentialInput!) {
  createApiCredential(input: $input) {
    secret
    credential {
      ...CredentialFields
    }
  }
}
    fragment CredentialFields on ApiCredential {
  id
  kind
  name
  description
  partner
  fullAccess
  allowConfidential
  allowedCidrs
  expiresAt
  revokedAt
  secretHint
  previousSecretExpiresAt
  rateLimitPerMinute
  lastUsedAt
  createdAt
  status
  operations
  useCount
  logoUrl
  createdBy {
    id
    name
    email
  }
}`) as unknown as TypedDocumentString<CreateCredentialMutation, CreateCredentialMutationVariables>;
export const UpdateCredentialDocument = new TypedDocumentString(`
    mutation UpdateCredential($id: ID!, $input: UpdateApiCredentialInput!, $expectedImpactHash: String) {
  updateApiCredential(
    id: $id
    input: $input
    expectedImpactHash: $expectedImpactHash
  ) {
    ...CredentialFields
  }
}
    fragment CredentialFields on ApiCredential {
  id
  kind
  name
  description
  partner
  fullAccess
  allowConfidential
  allowedCidrs
  expiresAt
  revokedAt
  secretHint
  previousSecretExpiresAt
  rateLimitPerMinute
  lastUsedAt
  createdAt
  status
  operations
  useCount
  logoUrl
  createdBy {
    id
    name
    email
  }
}`) as unknown as TypedDocumentString<UpdateCredentialMutation, UpdateCredentialMutationVariables>;
export const RevokeCredentialDocument = new TypedDocumentString(`
    mutation RevokeCredential($id: ID!) {
  revokeApiCredential(id: $id) {
    id
    status
    revokedAt
  }
}
    `) as unknown as TypedDocumentString<RevokeCredentialMutation, RevokeCredentialMutationVariables>;
export const ReenableCredentialDocument = new TypedDocumentString(`
    mutation ReenableCredential($id: ID!) {
  reenableApiCredential(id: $id) {
    id
    status
    revokedAt
  }
}
    `) as unknown as TypedDocumentString<ReenableCredentialMutation, ReenableCredentialMutationVariables>;
export const DeleteCredentialDocument = new TypedDocumentString(`
    mutation DeleteCredential($id: ID!) {
  deleteApiCredential(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteCredentialMutation, DeleteCredentialMutationVariables>;
export const RotateCredentialDocument = new TypedDocumentString(`
    mutation RotateCredential($id: ID!, $previousSecretTtlSeconds: Int!) {
  rotateApiCredential(
    id: $id
    previousSecretTtlSeconds: $previousSecretTtlSeconds
  ) {
    secret
    credential {
      ...CredentialFields
    }
  }
}
    fragment CredentialFields on ApiCredential {
  id
  kind
  name
  description
  partner
  fullAccess
  allowConfidential
  allowedCidrs
  expiresAt
  revokedAt
  secretHint
  previousSecretExpiresAt
  rateLimitPerMinute
  lastUsedAt
  createdAt
  status
  operations
  useCount
  logoUrl
  createdBy {
    id
    name
    email
  }
}`) as unknown as TypedDocumentString<RotateCredentialMutation, RotateCredentialMutationVariables>;
export const UsersDocument = new TypedDocumentString(`
    query Users($first: Int!, $after: String) {
  users(first: $first, after: $after) {
    totalCount
    nodes {
      ...UserFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment UserFields on User {
  id
  email
  name
  role
  canManageApiCredentials
  active
  createdAt
}`) as unknown as TypedDocumentString<UsersQuery, UsersQueryVariables>;
export const CreateUserDocument = new TypedDocumentString(`
    mutation CreateUser($input: CreateUserInput!) {
  createUser(input: $input) {
    ...UserFields
  }
}
    fragment UserFields on User {
  id
  email
  name
  role
  canManageApiCredentials
  active
  createdAt
}`) as unknown as TypedDocumentString<CreateUserMutation, CreateUserMutationVariables>;
export const UpdateUserDocument = new TypedDocumentString(`
    mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
  updateUser(id: $id, input: $input) {
    ...UserFields
  }
}
    fragment UserFields on User {
  id
  email
  name
  role
  canManageApiCredentials
  active
  createdAt
}`) as unknown as TypedDocumentString<UpdateUserMutation, UpdateUserMutationVariables>;
export const DeactivateUserDocument = new TypedDocumentString(`
    mutation DeactivateUser($id: ID!) {
  deactivateUser(id: $id) {
    ...UserFields
  }
}
    fragment UserFields on User {
  id
  email
  name
  role
  canManageApiCredentials
  active
  createdAt
}`) as unknown as TypedDocumentString<DeactivateUserMutation, DeactivateUserMutationVariables>;
export const ReactivateUserDocument = new TypedDocumentString(`
    mutation ReactivateUser($id: ID!) {
  reactivateUser(id: $id) {
    ...UserFields
  }
}
    fragment UserFields on User {
  id
  email
  name
  role
  canManageApiCredentials
  active
  createdAt
}`) as unknown as TypedDocumentString<ReactivateUserMutation, ReactivateUserMutationVariables>;
export const AuditEventsDocument = new TypedDocumentString(`
    query AuditEvents($first: Int!, $after: String, $filter: AuditEventFilter) {
  auditEvents(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      at
      actorType
      actorId
      actorName
      onBehalfOfUserId
      action
      targetType
      targetId
      changes
      ip
      requestId
    }
  }
}
    `) as unknown as TypedDocumentString<AuditEventsQuery, AuditEventsQueryVariables>;
export const PostingsDocument = new TypedDocumentString(`
    query Postings($first: Int!, $after: String, $filter: AdminPostingFilter) {
  postings(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      title
      state
      confidential
      team
      workplaceType
      publishedAt
      updatedAt
      locations {
        name
      }
      distribution {
        destination
        status
        lastNotifiedAt
        problems {
          field
          message
          blocking
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PostingsQuery, PostingsQueryVariables>;
export const SetPostingStateDocument = new TypedDocumentString(`
    mutation SetPostingState($id: ID!, $state: PostingState!) {
  setPostingState(id: $id, state: $state) {
    id
    state
    publishedAt
    updatedAt
  }
}
    `) as unknown as TypedDocumentString<SetPostingStateMutation, SetPostingStateMutationVariables>;
export const ApplicationsDocument = new TypedDocumentString(`
    query Applications($first: Int!, $after: String, $filter: ApplicationFilter) {
  applications(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      name
      email
      status
      createdAt
      legalHold
      posting {
        id
        title
      }
      resume {
        id
        filename
        size
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ApplicationsQuery, ApplicationsQueryVariables>;
export const ResumeLinkDocument = new TypedDocumentString(`
    query ResumeLink($id: ID!) {
  application(id: $id) {
    id
    resume {
      id
      filename
      downloadUrl
    }
  }
}
    `) as unknown as TypedDocumentString<ResumeLinkQuery, ResumeLinkQueryVariables>;
export const CredentialUsageDocument = new TypedDocumentString(`
    query CredentialUsage($id: ID!, $since: DateTimeISO) {
  apiCredential(id: $id) {
    id
    name
    secretHint
    status
    fullAccess
    operations
  }
  apiCredentialUsage(id: $id, since: $since) {
    since
    grantedCount
    usedCount
    confidentialReads
    lastConfidentialReadAt
    operations {
      operation
      granted
      allowedCount
      refusedCount
      missingPermission
      lastUsedAt
      lastRefusedAt
      daily {
        day
        allowed
        refused
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CredentialUsageQuery, CredentialUsageQueryVariables>;
export const PreviewPermissionsDocument = new TypedDocumentString(`
    query PreviewPermissions($id: ID!, $operations: [String!]!, $fullAccess: Boolean!, $allowConfidential: Boolean!) {
  previewApiCredentialPermissions(
    id: $id
    operations: $operations
    fullAccess: $fullAccess
    allowConfidential: $allowConfidential
  ) {
    ...ImpactFields
  }
}
    fragment ImpactFields on ApiCredentialPermissionImpact {
  removedWhileUsed {
    operation
    allowedCount
    lastUsedAt
  }
  removedUnused
  added
  confidentialReads
  confidentialReadsWouldBeHidden
  breaks
  impactHash
}`) as unknown as TypedDocumentString<PreviewPermissionsQuery, PreviewPermissionsQueryVariables>;
export const SuggestPermissionsDocument = new TypedDocumentString(`
    query SuggestPermissions($id: ID!, $since: DateTimeISO) {
  suggestApiCredentialPermissions(id: $id, since: $since) {
    since
    operations
    dropped
    impact {
      ...ImpactFields
    }
  }
}
    fragment ImpactFields on ApiCredentialPermissionImpact {
  removedWhileUsed {
    operation
    allowedCount
    lastUsedAt
  }
  removedUnused
  added
  confidentialReads
  confidentialReadsWouldBeHidden
  breaks
  impactHash
}`) as unknown as TypedDocumentString<SuggestPermissionsQuery, SuggestPermissionsQueryVariables>;
export const NarrowCredentialDocument = new TypedDocumentString(`
    mutation NarrowCredential($id: ID!, $since: DateTimeISO, $expectedImpactHash: String!) {
  narrowApiCredential(
    id: $id
    since: $since
    expectedImpactHash: $expectedImpactHash
  ) {
    ...CredentialFields
  }
}
    fragment CredentialFields on ApiCredential {
  id
  kind
  name
  description
  partner
  fullAccess
  allowConfidential
  allowedCidrs
  expiresAt
  revokedAt
  secretHint
  previousSecretExpiresAt
  rateLimitPerMinute
  lastUsedAt
  createdAt
  status
  operations
  useCount
  logoUrl
  createdBy {
    id
    name
    email
  }
}`) as unknown as TypedDocumentString<NarrowCredentialMutation, NarrowCredentialMutationVariables>;
export const DistributionSettingsDocument = new TypedDocumentString(`
    query DistributionSettings {
  organization {
    id
    settingsVersion
    settings {
      linkedinFeedEnabled
      linkedinCompanyId
      submitHostedPages
      careersPageEnabled
      careersSiteUrl
    }
  }
}
    `) as unknown as TypedDocumentString<DistributionSettingsQuery, DistributionSettingsQueryVariables>;
export const UpdateDistributionSettingsDocument = new TypedDocumentString(`
    mutation UpdateDistributionSettings($input: UpdateOrganizationSettingsInput!) {
  updateOrganizationSettings(input: $input) {
    id
    settingsVersion
    settings {
      linkedinFeedEnabled
      linkedinCompanyId
      submitHostedPages
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateDistributionSettingsMutation, UpdateDistributionSettingsMutationVariables>;
export const EeoReportDocument = new TypedDocumentString(`
    query EeoReport($postingId: ID, $from: DateTimeISO, $to: DateTimeISO) {
  eeoReport(postingId: $postingId, from: $from, to: $to) {
    minimumCellSize
    responses
    from
    to
    questions {
      question
      label
      cells {
        answer
        label
        count
        suppressed
      }
    }
  }
}
    `) as unknown as TypedDocumentString<EeoReportQuery, EeoReportQueryVariables>;
export const EeoSettingsDocument = new TypedDocumentString(`
    query EeoSettings {
  organization {
    id
    settingsVersion
    settings {
      eeoQuestions
    }
  }
}
    `) as unknown as TypedDocumentString<EeoSettingsQuery, EeoSettingsQueryVariables>;
export const UpdateEeoSettingsDocument = new TypedDocumentString(`
    mutation UpdateEeoSettings($input: UpdateOrganizationSettingsInput!) {
  updateOrganizationSettings(input: $input) {
    id
    settingsVersion
    settings {
      eeoQuestions
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateEeoSettingsMutation, UpdateEeoSettingsMutationVariables>;
export const WebhookAccessDocument = new TypedDocumentString(`
    query WebhookAccess {
  webhookAccess {
    operations
    allowConfidential
  }
}
    `) as unknown as TypedDocumentString<WebhookAccessQuery, WebhookAccessQueryVariables>;
export const WebhookEventTypesDocument = new TypedDocumentString(`
    query WebhookEventTypes {
  webhookEventTypes {
    name
    description
    permission
    group
  }
}
    `) as unknown as TypedDocumentString<WebhookEventTypesQuery, WebhookEventTypesQueryVariables>;
export const WebhookEndpointsDocument = new TypedDocumentString(`
    query WebhookEndpoints($first: Int!, $after: String) {
  webhookEndpoints(first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      ...WebhookEndpointFields
    }
  }
}
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  eventTypes
  description
  allowConfidential
  status
  disabledReason
  failingSince
  previousSecretExpiresAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<WebhookEndpointsQuery, WebhookEndpointsQueryVariables>;
export const WebhookEndpointDocument = new TypedDocumentString(`
    query WebhookEndpoint($id: ID!) {
  webhookEndpoint(id: $id) {
    ...WebhookEndpointFields
  }
}
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  eventTypes
  description
  allowConfidential
  status
  disabledReason
  failingSince
  previousSecretExpiresAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<WebhookEndpointQuery, WebhookEndpointQueryVariables>;
export const WebhookMessagesDocument = new TypedDocumentString(`
    query WebhookMessages($endpointId: ID!, $first: Int!, $after: String) {
  webhookMessages(endpointId: $endpointId, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      eventType
      createdAt
      status
      nextAttemptAt
      attempts {
        at
        statusCode
        durationMs
        error
        responseExcerpt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WebhookMessagesQuery, WebhookMessagesQueryVariables>;
export const CreateWebhookEndpointDocument = new TypedDocumentString(`
    mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) {
    secret
    endpoint {
      ...WebhookEndpointFields
    }
  }
}
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  eventTypes
  description
  allowConfidential
  status
  disabledReason
  failingSince
  previousSecretExpiresAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<CreateWebhookEndpointMutation, CreateWebhookEndpointMutationVariables>;
export const UpdateWebhookEndpointDocument = new TypedDocumentString(`
    mutation UpdateWebhookEndpoint($id: ID!, $input: UpdateWebhookEndpointInput!) {
  updateWebhookEndpoint(id: $id, input: $input) {
    ...WebhookEndpointFields
  }
}
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  eventTypes
  description
  allowConfidential
  status
  disabledReason
  failingSince
  previousSecretExpiresAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<UpdateWebhookEndpointMutation, UpdateWebhookEndpointMutationVariables>;
export const DisableWebhookEndpointDocument = new TypedDocumentString(`
    mutation DisableWebhookEndpoint($id: ID!) {
  disableWebhookEndpoint(id: $id) {
    ...WebhookEndpointFields
  }
}
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  eventTypes
  description
  allowConfidential
  status
  disabledReason
  failingSince
  previousSecretExpiresAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<DisableWebhookEndpointMutation, DisableWebhookEndpointMutationVariables>;
export const EnableWebhookEndpointDocument = new TypedDocumentString(`
    mutation EnableWebhookEndpoint($id: ID!) {
  enableWebhookEndpoint(id: $id) {
    ...WebhookEndpointFields
  }
}
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  eventTypes
  description
  allowConfidential
  status
  disabledReason
  failingSince
  previousSecretExpiresAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<EnableWebhookEndpointMutation, EnableWebhookEndpointMutationVariables>;
export const DeleteWebhookEndpointDocument = new TypedDocumentString(`
    mutation DeleteWebhookEndpoint($id: ID!) {
  deleteWebhookEndpoint(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteWebhookEndpointMutation, DeleteWebhookEndpointMutationVariables>;
export const RotateWebhookEndpointSecretDocument = new TypedDocumentString(`
    mutation RotateWebhookEndpointSecret($id: ID!, $previousSecretTtlSeconds: Int!) {
  rotateWebhookEndpointSecret(
    id: $id
    previousSecretTtlSeconds: $previousSecretTtlSeconds
  ) {
    secret
    endpoint {
      ...WebhookEndpointFields
    }
  }
}
    fragment WebhookEndpointFields on WebhookEndpoint {
  id
  url
  eventTypes
  description
  allowConfidential
  status
  disabledReason
  failingSince
  previousSecretExpiresAt
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<RotateWebhookEndpointSecretMutation, RotateWebhookEndpointSecretMutationVariables>;
export const RedeliverWebhookMessageDocument = new TypedDocumentString(`
    mutation RedeliverWebhookMessage($endpointId: ID!, $messageId: ID!) {
  redeliverWebhookMessage(endpointId: $endpointId, messageId: $messageId)
}
    `) as unknown as TypedDocumentString<RedeliverWebhookMessageMutation, RedeliverWebhookMessageMutationVariables>;
export const SendTestWebhookDocument = new TypedDocumentString(`
    mutation SendTestWebhook($endpointId: ID!, $eventType: String!) {
  sendTestWebhook(endpointId: $endpointId, eventType: $eventType)
}
    `) as unknown as TypedDocumentString<SendTestWebhookMutation, SendTestWebhookMutationVariables>;