import { graphql } from '../gql';

// Every operation the console sends. Typed by `npm run console:codegen` from schema/admin.graphql.

// No `token` asked for: the session arrives as an HttpOnly cookie, so the page's script never holds it.
export const LoginDocument = graphql(`
  mutation Login($organizationSlug: String!, $email: String!, $password: String!) {
    login(organizationSlug: $organizationSlug, email: $email, password: $password) {
      expiresAt
      user { ...Me }
    }
  }
`);

export const MeFragment = graphql(`
  fragment Me on User { id email name role canManageApiCredentials active operations }
`);

export const LogoutDocument = graphql(`
  mutation Logout { logout }
`);

export const MeDocument = graphql(`
  query CurrentUser { me { ...Me } }
`);

export const OrganizationDocument = graphql(`
  query Organization {
    organization {
      id slug name plan settingsVersion
      settings {
        lockCredentialPermissions maxCredentialLifetimeDays feedEnabled careersSiteUrl allowedOrigins
        careersPageEnabled intro logoFileId leverApiEnabled greenhouseApiEnabled
      }
    }
  }
`);

export const UpdateOrganizationSettingsDocument = graphql(`
  mutation UpdateOrganizationSettings($input: UpdateOrganizationSettingsInput!) {
    updateOrganizationSettings(input: $input) {
      id settingsVersion
      settings {
        lockCredentialPermissions maxCredentialLifetimeDays feedEnabled careersSiteUrl allowedOrigins
        careersPageEnabled intro logoFileId leverApiEnabled greenhouseApiEnabled
      }
    }
  }
`);

export const SetOrganizationLogoDocument = graphql(`
  mutation SetOrganizationLogo($uploadId: ID) {
    setOrganizationLogo(uploadId: $uploadId) { id settingsVersion settings { logoFileId } }
  }
`);

export const CatalogDocument = graphql(`
  query Catalog {
    apiEndpoints { name description operations { id endpoint action access call description showsCredentialLogo } }
    permissionPresets { id name description operations }
    integrationPartners { id name description operations }
  }
`);

export const CredentialFieldsFragment = graphql(`
  fragment CredentialFields on ApiCredential {
    id kind name description partner fullAccess allowConfidential allowedCidrs expiresAt revokedAt
    secretHint previousSecretExpiresAt rateLimitPerMinute lastUsedAt createdAt status operations useCount logoUrl
    createdBy { id name email }
  }
`);

export const CredentialsDocument = graphql(`
  query Credentials($first: Int!, $after: String) {
    apiCredentials(first: $first, after: $after, filter: { kind: DATA }) {
      totalCount
      nodes { ...CredentialFields }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const CredentialDocument = graphql(`
  query Credential($id: ID!) {
    apiCredential(id: $id) { ...CredentialFields }
    organization { id settings { lockCredentialPermissions } }
  }
`);

export const PostingsKeyDocument = graphql(`
  query PostingsKey { postingsApiCredential { ...CredentialFields } }
`);

export const RevealPostingsKeyDocument = graphql(`
  mutation RevealPostingsKey { revealPostingsApiKey }
`);

export const CreateCredentialDocument = graphql(`
  mutation CreateCredential($input: CreateApiCredentialInput!) {
    createApiCredential(input: $input) { secret credential { ...CredentialFields } }
  }
`);

export const UpdateCredentialDocument = graphql(`
  mutation UpdateCredential($id: ID!, $input: UpdateApiCredentialInput!, $expectedImpactHash: String) {
    updateApiCredential(id: $id, input: $input, expectedImpactHash: $expectedImpactHash) { ...CredentialFields }
  }
`);

export const RevokeCredentialDocument = graphql(`
  mutation RevokeCredential($id: ID!) { revokeApiCredential(id: $id) { id status revokedAt } }
`);

export const ReenableCredentialDocument = graphql(`
  mutation ReenableCredential($id: ID!) { reenableApiCredential(id: $id) { id status revokedAt } }
`);

export const DeleteCredentialDocument = graphql(`
  mutation DeleteCredential($id: ID!) { deleteApiCredential(id: $id) }
`);

export const RotateCredentialDocument = graphql(`
  mutation RotateCredential($id: ID!, $previousSecretTtlSeconds: Int!) {
    rotateApiCredential(id: $id, previousSecretTtlSeconds: $previousSecretTtlSeconds) {
      secret
      credential { ...CredentialFields }
    }
  }
`);

export const UserFieldsFragment = graphql(`
  fragment UserFields on User { id email name role canManageApiCredentials active createdAt }
`);

export const UsersDocument = graphql(`
  query Users($first: Int!, $after: String) {
    users(first: $first, after: $after) {
      totalCount
      nodes { ...UserFields }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const CreateUserDocument = graphql(`
  mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { ...UserFields } }
`);

export const UpdateUserDocument = graphql(`
  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { ...UserFields } }
`);

export const DeactivateUserDocument = graphql(`
  mutation DeactivateUser($id: ID!) { deactivateUser(id: $id) { ...UserFields } }
`);

export const ReactivateUserDocument = graphql(`
  mutation ReactivateUser($id: ID!) { reactivateUser(id: $id) { ...UserFields } }
`);

export const AuditEventsDocument = graphql(`
  query AuditEvents($first: Int!, $after: String, $filter: AuditEventFilter) {
    auditEvents(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id at actorType actorId actorName onBehalfOfUserId action targetType targetId changes ip requestId }
    }
  }
`);

export const PostingsDocument = graphql(`
  query Postings($first: Int!, $after: String, $filter: AdminPostingFilter) {
    postings(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id title state confidential team workplaceType publishedAt updatedAt locations { name }
        distribution { destination status lastNotifiedAt problems { field message blocking } }
      }
    }
  }
`);

export const SetPostingStateDocument = graphql(`
  mutation SetPostingState($id: ID!, $state: PostingState!) {
    setPostingState(id: $id, state: $state) { id state publishedAt updatedAt }
  }
`);

export const ApplicationsDocument = graphql(`
  query Applications($first: Int!, $after: String, $filter: ApplicationFilter) {
    applications(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id name email status createdAt legalHold posting { id title } resume { id filename size } }
    }
  }
`);

export const ResumeLinkDocument = graphql(`
  query ResumeLink($id: ID!) { application(id: $id) { id resume { id filename downloadUrl } } }
`);

export const ImpactFieldsFragment = graphql(`
  fragment ImpactFields on ApiCredentialPermissionImpact {
    removedWhileUsed { operation allowedCount lastUsedAt }
    removedUnused added confidentialReads confidentialReadsWouldBeHidden breaks impactHash
  }
`);

export const CredentialUsageDocument = graphql(`
  query CredentialUsage($id: ID!, $since: DateTimeISO) {
    apiCredential(id: $id) { id name secretHint status fullAccess operations }
    apiCredentialUsage(id: $id, since: $since) {
      since grantedCount usedCount confidentialReads lastConfidentialReadAt
      operations { operation granted allowedCount refusedCount missingPermission lastUsedAt lastRefusedAt daily { day allowed refused } }
    }
  }
`);

export const PreviewPermissionsDocument = graphql(`
  query PreviewPermissions($id: ID!, $operations: [String!]!, $fullAccess: Boolean!, $allowConfidential: Boolean!) {
    previewApiCredentialPermissions(id: $id, operations: $operations, fullAccess: $fullAccess, allowConfidential: $allowConfidential) { ...ImpactFields }
  }
`);

export const SuggestPermissionsDocument = graphql(`
  query SuggestPermissions($id: ID!, $since: DateTimeISO) {
    suggestApiCredentialPermissions(id: $id, since: $since) { since operations dropped impact { ...ImpactFields } }
  }
`);

export const NarrowCredentialDocument = graphql(`
  mutation NarrowCredential($id: ID!, $since: DateTimeISO, $expectedImpactHash: String!) {
    narrowApiCredential(id: $id, since: $since, expectedImpactHash: $expectedImpactHash) { ...CredentialFields }
  }
`);

// Distribution (issue #22): the settings that send postings to LinkedIn and search engines.
// (Posting.distribution is selected inline in Postings: armor's depth limit counts a fragment spread as a level.)
export const DistributionSettingsDocument = graphql(`
  query DistributionSettings {
    organization { id settingsVersion settings { linkedinFeedEnabled linkedinCompanyId submitHostedPages careersPageEnabled careersSiteUrl } }
  }
`);

export const UpdateDistributionSettingsDocument = graphql(`
  mutation UpdateDistributionSettings($input: UpdateOrganizationSettingsInput!) {
    updateOrganizationSettings(input: $input) { id settingsVersion settings { linkedinFeedEnabled linkedinCompanyId submitHostedPages } }
  }
`);

export const EeoReportDocument = graphql(`
  query EeoReport($postingId: ID, $from: DateTimeISO, $to: DateTimeISO) {
    eeoReport(postingId: $postingId, from: $from, to: $to) {
      minimumCellSize responses from to
      questions { question label cells { answer label count suppressed } }
    }
  }
`);

export const EeoSettingsDocument = graphql(`
  query EeoSettings {
    organization { id settingsVersion settings { eeoQuestions } }
  }
`);

export const UpdateEeoSettingsDocument = graphql(`
  mutation UpdateEeoSettings($input: UpdateOrganizationSettingsInput!) {
    updateOrganizationSettings(input: $input) { id settingsVersion settings { eeoQuestions } }
  }
`);
