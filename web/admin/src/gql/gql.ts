/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation Login($organizationSlug: String!, $email: String!, $password: String!) {\n    login(organizationSlug: $organizationSlug, email: $email, password: $password) {\n      expiresAt\n      user { ...Me }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  fragment Me on User { id email name role canManageApiCredentials canReadEeoReport active }\n": typeof types.MeFragmentDoc,
    "\n  mutation Logout { logout }\n": typeof types.LogoutDocument,
    "\n  query CurrentUser { me { ...Me } }\n": typeof types.CurrentUserDocument,
    "\n  query Organization {\n    organization {\n      id slug name plan settingsVersion\n      settings {\n        lockCredentialPermissions maxCredentialLifetimeDays feedEnabled careersSiteUrl allowedOrigins\n        careersPageEnabled intro logoFileId leverApiEnabled greenhouseApiEnabled\n      }\n    }\n  }\n": typeof types.OrganizationDocument,
    "\n  mutation UpdateOrganizationSettings($input: UpdateOrganizationSettingsInput!) {\n    updateOrganizationSettings(input: $input) {\n      id settingsVersion\n      settings {\n        lockCredentialPermissions maxCredentialLifetimeDays feedEnabled careersSiteUrl allowedOrigins\n        careersPageEnabled intro logoFileId leverApiEnabled greenhouseApiEnabled\n      }\n    }\n  }\n": typeof types.UpdateOrganizationSettingsDocument,
    "\n  mutation SetOrganizationLogo($uploadId: ID) {\n    setOrganizationLogo(uploadId: $uploadId) { id settingsVersion settings { logoFileId } }\n  }\n": typeof types.SetOrganizationLogoDocument,
    "\n  query Catalog {\n    apiEndpoints { name description operations { id endpoint action access call description showsCredentialLogo } }\n    permissionPresets { id name description operations }\n    integrationPartners { id name description operations }\n  }\n": typeof types.CatalogDocument,
    "\n  fragment CredentialFields on ApiCredential {\n    id kind name description partner fullAccess allowConfidential allowedCidrs expiresAt revokedAt\n    secretHint previousSecretExpiresAt rateLimitPerMinute lastUsedAt createdAt status operations useCount logoUrl\n    createdBy { id name email }\n  }\n": typeof types.CredentialFieldsFragmentDoc,
    "\n  query Credentials($first: Int!, $after: String) {\n    apiCredentials(first: $first, after: $after, filter: { kind: DATA }) {\n      totalCount\n      nodes { ...CredentialFields }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.CredentialsDocument,
    "\n  query Credential($id: ID!) {\n    apiCredential(id: $id) { ...CredentialFields }\n    organization { id settings { lockCredentialPermissions } }\n  }\n": typeof types.CredentialDocument,
    "\n  query PostingsKey { postingsApiCredential { ...CredentialFields } }\n": typeof types.PostingsKeyDocument,
    "\n  mutation RevealPostingsKey { revealPostingsApiKey }\n": typeof types.RevealPostingsKeyDocument,
    "\n  mutation CreateCredential($input: CreateApiCredentialInput!) {\n    createApiCredential(input: $input) { secret credential { ...CredentialFields } }\n  }\n": typeof types.CreateCredentialDocument,
    "\n  mutation UpdateCredential($id: ID!, $input: UpdateApiCredentialInput!, $expectedImpactHash: String) {\n    updateApiCredential(id: $id, input: $input, expectedImpactHash: $expectedImpactHash) { ...CredentialFields }\n  }\n": typeof types.UpdateCredentialDocument,
    "\n  mutation RevokeCredential($id: ID!) { revokeApiCredential(id: $id) { id status revokedAt } }\n": typeof types.RevokeCredentialDocument,
    "\n  mutation ReenableCredential($id: ID!) { reenableApiCredential(id: $id) { id status revokedAt } }\n": typeof types.ReenableCredentialDocument,
    "\n  mutation DeleteCredential($id: ID!) { deleteApiCredential(id: $id) }\n": typeof types.DeleteCredentialDocument,
    "\n  mutation RotateCredential($id: ID!, $previousSecretTtlSeconds: Int!) {\n    rotateApiCredential(id: $id, previousSecretTtlSeconds: $previousSecretTtlSeconds) {\n      secret\n      credential { ...CredentialFields }\n    }\n  }\n": typeof types.RotateCredentialDocument,
    "\n  fragment UserFields on User { id email name role canManageApiCredentials active createdAt }\n": typeof types.UserFieldsFragmentDoc,
    "\n  query Users($first: Int!, $after: String) {\n    users(first: $first, after: $after) {\n      totalCount\n      nodes { ...UserFields }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.UsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { ...UserFields } }\n": typeof types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { ...UserFields } }\n": typeof types.UpdateUserDocument,
    "\n  mutation DeactivateUser($id: ID!) { deactivateUser(id: $id) { ...UserFields } }\n": typeof types.DeactivateUserDocument,
    "\n  mutation ReactivateUser($id: ID!) { reactivateUser(id: $id) { ...UserFields } }\n": typeof types.ReactivateUserDocument,
    "\n  query AuditEvents($first: Int!, $after: String, $filter: AuditEventFilter) {\n    auditEvents(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id at actorType actorId actorName onBehalfOfUserId action targetType targetId changes ip requestId }\n    }\n  }\n": typeof types.AuditEventsDocument,
    "\n  query Postings($first: Int!, $after: String, $filter: AdminPostingFilter) {\n    postings(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id title state confidential team workplaceType publishedAt updatedAt locations { name } }\n    }\n  }\n": typeof types.PostingsDocument,
    "\n  mutation SetPostingState($id: ID!, $state: PostingState!) {\n    setPostingState(id: $id, state: $state) { id state publishedAt updatedAt }\n  }\n": typeof types.SetPostingStateDocument,
    "\n  query Applications($first: Int!, $after: String, $filter: ApplicationFilter) {\n    applications(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id name email status createdAt posting { id title } resume { id filename size } }\n    }\n  }\n": typeof types.ApplicationsDocument,
    "\n  query ResumeLink($id: ID!) { application(id: $id) { id resume { id filename downloadUrl } } }\n": typeof types.ResumeLinkDocument,
    "\n  fragment ImpactFields on ApiCredentialPermissionImpact {\n    removedWhileUsed { operation allowedCount lastUsedAt }\n    removedUnused added confidentialReads confidentialReadsWouldBeHidden breaks impactHash\n  }\n": typeof types.ImpactFieldsFragmentDoc,
    "\n  query CredentialUsage($id: ID!, $since: DateTimeISO) {\n    apiCredential(id: $id) { id name secretHint status fullAccess operations }\n    apiCredentialUsage(id: $id, since: $since) {\n      since grantedCount usedCount confidentialReads lastConfidentialReadAt\n      operations { operation granted allowedCount refusedCount missingPermission lastUsedAt lastRefusedAt daily { day allowed refused } }\n    }\n  }\n": typeof types.CredentialUsageDocument,
    "\n  query PreviewPermissions($id: ID!, $operations: [String!]!, $fullAccess: Boolean!, $allowConfidential: Boolean!) {\n    previewApiCredentialPermissions(id: $id, operations: $operations, fullAccess: $fullAccess, allowConfidential: $allowConfidential) { ...ImpactFields }\n  }\n": typeof types.PreviewPermissionsDocument,
    "\n  query SuggestPermissions($id: ID!, $since: DateTimeISO) {\n    suggestApiCredentialPermissions(id: $id, since: $since) { since operations dropped impact { ...ImpactFields } }\n  }\n": typeof types.SuggestPermissionsDocument,
    "\n  mutation NarrowCredential($id: ID!, $since: DateTimeISO, $expectedImpactHash: String!) {\n    narrowApiCredential(id: $id, since: $since, expectedImpactHash: $expectedImpactHash) { ...CredentialFields }\n  }\n": typeof types.NarrowCredentialDocument,
    "\n  query EeoReport($postingId: ID, $from: DateTimeISO, $to: DateTimeISO) {\n    eeoReport(postingId: $postingId, from: $from, to: $to) {\n      minimumCellSize responses from to\n      questions { question label cells { answer label count suppressed } }\n    }\n  }\n": typeof types.EeoReportDocument,
};
const documents: Documents = {
    "\n  mutation Login($organizationSlug: String!, $email: String!, $password: String!) {\n    login(organizationSlug: $organizationSlug, email: $email, password: $password) {\n      expiresAt\n      user { ...Me }\n    }\n  }\n": types.LoginDocument,
    "\n  fragment Me on User { id email name role canManageApiCredentials canReadEeoReport active }\n": types.MeFragmentDoc,
    "\n  mutation Logout { logout }\n": types.LogoutDocument,
    "\n  query CurrentUser { me { ...Me } }\n": types.CurrentUserDocument,
    "\n  query Organization {\n    organization {\n      id slug name plan settingsVersion\n      settings {\n        lockCredentialPermissions maxCredentialLifetimeDays feedEnabled careersSiteUrl allowedOrigins\n        careersPageEnabled intro logoFileId leverApiEnabled greenhouseApiEnabled\n      }\n    }\n  }\n": types.OrganizationDocument,
    "\n  mutation UpdateOrganizationSettings($input: UpdateOrganizationSettingsInput!) {\n    updateOrganizationSettings(input: $input) {\n      id settingsVersion\n      settings {\n        lockCredentialPermissions maxCredentialLifetimeDays feedEnabled careersSiteUrl allowedOrigins\n        careersPageEnabled intro logoFileId leverApiEnabled greenhouseApiEnabled\n      }\n    }\n  }\n": types.UpdateOrganizationSettingsDocument,
    "\n  mutation SetOrganizationLogo($uploadId: ID) {\n    setOrganizationLogo(uploadId: $uploadId) { id settingsVersion settings { logoFileId } }\n  }\n": types.SetOrganizationLogoDocument,
    "\n  query Catalog {\n    apiEndpoints { name description operations { id endpoint action access call description showsCredentialLogo } }\n    permissionPresets { id name description operations }\n    integrationPartners { id name description operations }\n  }\n": types.CatalogDocument,
    "\n  fragment CredentialFields on ApiCredential {\n    id kind name description partner fullAccess allowConfidential allowedCidrs expiresAt revokedAt\n    secretHint previousSecretExpiresAt rateLimitPerMinute lastUsedAt createdAt status operations useCount logoUrl\n    createdBy { id name email }\n  }\n": types.CredentialFieldsFragmentDoc,
    "\n  query Credentials($first: Int!, $after: String) {\n    apiCredentials(first: $first, after: $after, filter: { kind: DATA }) {\n      totalCount\n      nodes { ...CredentialFields }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.CredentialsDocument,
    "\n  query Credential($id: ID!) {\n    apiCredential(id: $id) { ...CredentialFields }\n    organization { id settings { lockCredentialPermissions } }\n  }\n": types.CredentialDocument,
    "\n  query PostingsKey { postingsApiCredential { ...CredentialFields } }\n": types.PostingsKeyDocument,
    "\n  mutation RevealPostingsKey { revealPostingsApiKey }\n": types.RevealPostingsKeyDocument,
    "\n  mutation CreateCredential($input: CreateApiCredentialInput!) {\n    createApiCredential(input: $input) { secret credential { ...CredentialFields } }\n  }\n": types.CreateCredentialDocument,
    "\n  mutation UpdateCredential($id: ID!, $input: UpdateApiCredentialInput!, $expectedImpactHash: String) {\n    updateApiCredential(id: $id, input: $input, expectedImpactHash: $expectedImpactHash) { ...CredentialFields }\n  }\n": types.UpdateCredentialDocument,
    "\n  mutation RevokeCredential($id: ID!) { revokeApiCredential(id: $id) { id status revokedAt } }\n": types.RevokeCredentialDocument,
    "\n  mutation ReenableCredential($id: ID!) { reenableApiCredential(id: $id) { id status revokedAt } }\n": types.ReenableCredentialDocument,
    "\n  mutation DeleteCredential($id: ID!) { deleteApiCredential(id: $id) }\n": types.DeleteCredentialDocument,
    "\n  mutation RotateCredential($id: ID!, $previousSecretTtlSeconds: Int!) {\n    rotateApiCredential(id: $id, previousSecretTtlSeconds: $previousSecretTtlSeconds) {\n      secret\n      credential { ...CredentialFields }\n    }\n  }\n": types.RotateCredentialDocument,
    "\n  fragment UserFields on User { id email name role canManageApiCredentials active createdAt }\n": types.UserFieldsFragmentDoc,
    "\n  query Users($first: Int!, $after: String) {\n    users(first: $first, after: $after) {\n      totalCount\n      nodes { ...UserFields }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.UsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { ...UserFields } }\n": types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { ...UserFields } }\n": types.UpdateUserDocument,
    "\n  mutation DeactivateUser($id: ID!) { deactivateUser(id: $id) { ...UserFields } }\n": types.DeactivateUserDocument,
    "\n  mutation ReactivateUser($id: ID!) { reactivateUser(id: $id) { ...UserFields } }\n": types.ReactivateUserDocument,
    "\n  query AuditEvents($first: Int!, $after: String, $filter: AuditEventFilter) {\n    auditEvents(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id at actorType actorId actorName onBehalfOfUserId action targetType targetId changes ip requestId }\n    }\n  }\n": types.AuditEventsDocument,
    "\n  query Postings($first: Int!, $after: String, $filter: AdminPostingFilter) {\n    postings(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id title state confidential team workplaceType publishedAt updatedAt locations { name } }\n    }\n  }\n": types.PostingsDocument,
    "\n  mutation SetPostingState($id: ID!, $state: PostingState!) {\n    setPostingState(id: $id, state: $state) { id state publishedAt updatedAt }\n  }\n": types.SetPostingStateDocument,
    "\n  query Applications($first: Int!, $after: String, $filter: ApplicationFilter) {\n    applications(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id name email status createdAt posting { id title } resume { id filename size } }\n    }\n  }\n": types.ApplicationsDocument,
    "\n  query ResumeLink($id: ID!) { application(id: $id) { id resume { id filename downloadUrl } } }\n": types.ResumeLinkDocument,
    "\n  fragment ImpactFields on ApiCredentialPermissionImpact {\n    removedWhileUsed { operation allowedCount lastUsedAt }\n    removedUnused added confidentialReads confidentialReadsWouldBeHidden breaks impactHash\n  }\n": types.ImpactFieldsFragmentDoc,
    "\n  query CredentialUsage($id: ID!, $since: DateTimeISO) {\n    apiCredential(id: $id) { id name secretHint status fullAccess operations }\n    apiCredentialUsage(id: $id, since: $since) {\n      since grantedCount usedCount confidentialReads lastConfidentialReadAt\n      operations { operation granted allowedCount refusedCount missingPermission lastUsedAt lastRefusedAt daily { day allowed refused } }\n    }\n  }\n": types.CredentialUsageDocument,
    "\n  query PreviewPermissions($id: ID!, $operations: [String!]!, $fullAccess: Boolean!, $allowConfidential: Boolean!) {\n    previewApiCredentialPermissions(id: $id, operations: $operations, fullAccess: $fullAccess, allowConfidential: $allowConfidential) { ...ImpactFields }\n  }\n": types.PreviewPermissionsDocument,
    "\n  query SuggestPermissions($id: ID!, $since: DateTimeISO) {\n    suggestApiCredentialPermissions(id: $id, since: $since) { since operations dropped impact { ...ImpactFields } }\n  }\n": types.SuggestPermissionsDocument,
    "\n  mutation NarrowCredential($id: ID!, $since: DateTimeISO, $expectedImpactHash: String!) {\n    narrowApiCredential(id: $id, since: $since, expectedImpactHash: $expectedImpactHash) { ...CredentialFields }\n  }\n": types.NarrowCredentialDocument,
    "\n  query EeoReport($postingId: ID, $from: DateTimeISO, $to: DateTimeISO) {\n    eeoReport(postingId: $postingId, from: $from, to: $to) {\n      minimumCellSize responses from to\n      questions { question label cells { answer label count suppressed } }\n    }\n  }\n": types.EeoReportDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($organizationSlug: String!, $email: String!, $password: String!) {\n    login(organizationSlug: $organizationSlug, email: $email, password: $password) {\n      expiresAt\n      user { ...Me }\n    }\n  }\n"): typeof import('./graphql').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Me on User { id email name role canManageApiCredentials canReadEeoReport active }\n"): typeof import('./graphql').MeFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout { logout }\n"): typeof import('./graphql').LogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CurrentUser { me { ...Me } }\n"): typeof import('./graphql').CurrentUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Organization {\n    organization {\n      id slug name plan settingsVersion\n      settings {\n        lockCredentialPermissions maxCredentialLifetimeDays feedEnabled careersSiteUrl allowedOrigins\n        careersPageEnabled intro logoFileId leverApiEnabled greenhouseApiEnabled\n      }\n    }\n  }\n"): typeof import('./graphql').OrganizationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateOrganizationSettings($input: UpdateOrganizationSettingsInput!) {\n    updateOrganizationSettings(input: $input) {\n      id settingsVersion\n      settings {\n        lockCredentialPermissions maxCredentialLifetimeDays feedEnabled careersSiteUrl allowedOrigins\n        careersPageEnabled intro logoFileId leverApiEnabled greenhouseApiEnabled\n      }\n    }\n  }\n"): typeof import('./graphql').UpdateOrganizationSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetOrganizationLogo($uploadId: ID) {\n    setOrganizationLogo(uploadId: $uploadId) { id settingsVersion settings { logoFileId } }\n  }\n"): typeof import('./graphql').SetOrganizationLogoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Catalog {\n    apiEndpoints { name description operations { id endpoint action access call description showsCredentialLogo } }\n    permissionPresets { id name description operations }\n    integrationPartners { id name description operations }\n  }\n"): typeof import('./graphql').CatalogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CredentialFields on ApiCredential {\n    id kind name description partner fullAccess allowConfidential allowedCidrs expiresAt revokedAt\n    secretHint previousSecretExpiresAt rateLimitPerMinute lastUsedAt createdAt status operations useCount logoUrl\n    createdBy { id name email }\n  }\n"): typeof import('./graphql').CredentialFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Credentials($first: Int!, $after: String) {\n    apiCredentials(first: $first, after: $after, filter: { kind: DATA }) {\n      totalCount\n      nodes { ...CredentialFields }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').CredentialsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Credential($id: ID!) {\n    apiCredential(id: $id) { ...CredentialFields }\n    organization { id settings { lockCredentialPermissions } }\n  }\n"): typeof import('./graphql').CredentialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PostingsKey { postingsApiCredential { ...CredentialFields } }\n"): typeof import('./graphql').PostingsKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevealPostingsKey { revealPostingsApiKey }\n"): typeof import('./graphql').RevealPostingsKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCredential($input: CreateApiCredentialInput!) {\n    createApiCredential(input: $input) { secret credential { ...CredentialFields } }\n  }\n"): typeof import('./graphql').CreateCredentialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCredential($id: ID!, $input: UpdateApiCredentialInput!, $expectedImpactHash: String) {\n    updateApiCredential(id: $id, input: $input, expectedImpactHash: $expectedImpactHash) { ...CredentialFields }\n  }\n"): typeof import('./graphql').UpdateCredentialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeCredential($id: ID!) { revokeApiCredential(id: $id) { id status revokedAt } }\n"): typeof import('./graphql').RevokeCredentialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReenableCredential($id: ID!) { reenableApiCredential(id: $id) { id status revokedAt } }\n"): typeof import('./graphql').ReenableCredentialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteCredential($id: ID!) { deleteApiCredential(id: $id) }\n"): typeof import('./graphql').DeleteCredentialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateCredential($id: ID!, $previousSecretTtlSeconds: Int!) {\n    rotateApiCredential(id: $id, previousSecretTtlSeconds: $previousSecretTtlSeconds) {\n      secret\n      credential { ...CredentialFields }\n    }\n  }\n"): typeof import('./graphql').RotateCredentialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserFields on User { id email name role canManageApiCredentials active createdAt }\n"): typeof import('./graphql').UserFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users($first: Int!, $after: String) {\n    users(first: $first, after: $after) {\n      totalCount\n      nodes { ...UserFields }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').UsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { ...UserFields } }\n"): typeof import('./graphql').CreateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { ...UserFields } }\n"): typeof import('./graphql').UpdateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateUser($id: ID!) { deactivateUser(id: $id) { ...UserFields } }\n"): typeof import('./graphql').DeactivateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReactivateUser($id: ID!) { reactivateUser(id: $id) { ...UserFields } }\n"): typeof import('./graphql').ReactivateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEvents($first: Int!, $after: String, $filter: AuditEventFilter) {\n    auditEvents(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id at actorType actorId actorName onBehalfOfUserId action targetType targetId changes ip requestId }\n    }\n  }\n"): typeof import('./graphql').AuditEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Postings($first: Int!, $after: String, $filter: AdminPostingFilter) {\n    postings(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id title state confidential team workplaceType publishedAt updatedAt locations { name } }\n    }\n  }\n"): typeof import('./graphql').PostingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPostingState($id: ID!, $state: PostingState!) {\n    setPostingState(id: $id, state: $state) { id state publishedAt updatedAt }\n  }\n"): typeof import('./graphql').SetPostingStateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Applications($first: Int!, $after: String, $filter: ApplicationFilter) {\n    applications(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id name email status createdAt posting { id title } resume { id filename size } }\n    }\n  }\n"): typeof import('./graphql').ApplicationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResumeLink($id: ID!) { application(id: $id) { id resume { id filename downloadUrl } } }\n"): typeof import('./graphql').ResumeLinkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ImpactFields on ApiCredentialPermissionImpact {\n    removedWhileUsed { operation allowedCount lastUsedAt }\n    removedUnused added confidentialReads confidentialReadsWouldBeHidden breaks impactHash\n  }\n"): typeof import('./graphql').ImpactFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CredentialUsage($id: ID!, $since: DateTimeISO) {\n    apiCredential(id: $id) { id name secretHint status fullAccess operations }\n    apiCredentialUsage(id: $id, since: $since) {\n      since grantedCount usedCount confidentialReads lastConfidentialReadAt\n      operations { operation granted allowedCount refusedCount missingPermission lastUsedAt lastRefusedAt daily { day allowed refused } }\n    }\n  }\n"): typeof import('./graphql').CredentialUsageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewPermissions($id: ID!, $operations: [String!]!, $fullAccess: Boolean!, $allowConfidential: Boolean!) {\n    previewApiCredentialPermissions(id: $id, operations: $operations, fullAccess: $fullAccess, allowConfidential: $allowConfidential) { ...ImpactFields }\n  }\n"): typeof import('./graphql').PreviewPermissionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SuggestPermissions($id: ID!, $since: DateTimeISO) {\n    suggestApiCredentialPermissions(id: $id, since: $since) { since operations dropped impact { ...ImpactFields } }\n  }\n"): typeof import('./graphql').SuggestPermissionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation NarrowCredential($id: ID!, $since: DateTimeISO, $expectedImpactHash: String!) {\n    narrowApiCredential(id: $id, since: $since, expectedImpactHash: $expectedImpactHash) { ...CredentialFields }\n  }\n"): typeof import('./graphql').NarrowCredentialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EeoReport($postingId: ID, $from: DateTimeISO, $to: DateTimeISO) {\n    eeoReport(postingId: $postingId, from: $from, to: $to) {\n      minimumCellSize responses from to\n      questions { question label cells { answer label count suppressed } }\n    }\n  }\n"): typeof import('./graphql').EeoReportDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
