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
    "\n  query DataRights {\n    organization { id settingsVersion settings { applicationRetentionDays consentedRetentionDays } }\n    privacyNotices { version text url publishedAt }\n  }\n": typeof types.DataRightsDocument,
    "\n  mutation UpdateRetention($input: UpdateOrganizationSettingsInput!) {\n    updateOrganizationSettings(input: $input) { id settingsVersion settings { applicationRetentionDays consentedRetentionDays } }\n  }\n": typeof types.UpdateRetentionDocument,
    "\n  mutation PublishPrivacyNotice($input: PublishPrivacyNoticeInput!) {\n    publishPrivacyNotice(input: $input) { version text url publishedAt }\n  }\n": typeof types.PublishPrivacyNoticeDocument,
    "\n  query CandidateApplications($email: String!) {\n    applications(first: 100, filter: { search: $email }) {\n      totalCount\n      nodes { id email legalHold createdAt posting { id title confidential } resume { id filename } }\n    }\n  }\n": typeof types.CandidateApplicationsDocument,
    "\n  mutation EraseCandidateData($email: String!) {\n    eraseCandidateData(email: $email) { applications files candidates auditEventsRedacted }\n  }\n": typeof types.EraseCandidateDataDocument,
    "\n  mutation ExportCandidateData($email: String!) { exportCandidateData(email: $email) }\n": typeof types.ExportCandidateDataDocument,
    "\n  mutation SetLegalHold($id: ID!, $hold: Boolean!) { setApplicationLegalHold(id: $id, hold: $hold) { id legalHold } }\n": typeof types.SetLegalHoldDocument,
    "\n  mutation Login($organizationSlug: String!, $email: String!, $password: String!) {\n    login(organizationSlug: $organizationSlug, email: $email, password: $password) {\n      expiresAt\n      user { ...Me }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  fragment Me on User { id email name role canManageApiCredentials active operations }\n": typeof types.MeFragmentDoc,
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
    "\n  query Postings($first: Int!, $after: String, $filter: AdminPostingFilter) {\n    postings(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id title state confidential team workplaceType publishedAt updatedAt locations { name }\n        distribution { destination status lastNotifiedAt problems { field message blocking } }\n      }\n    }\n  }\n": typeof types.PostingsDocument,
    "\n  mutation SetPostingState($id: ID!, $state: PostingState!) {\n    setPostingState(id: $id, state: $state) { id state publishedAt updatedAt }\n  }\n": typeof types.SetPostingStateDocument,
    "\n  query Applications($first: Int!, $after: String, $filter: ApplicationFilter) {\n    applications(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id name email status createdAt legalHold posting { id title } resume { id filename size } }\n    }\n  }\n": typeof types.ApplicationsDocument,
    "\n  query ResumeLink($id: ID!) { application(id: $id) { id resume { id filename downloadUrl } } }\n": typeof types.ResumeLinkDocument,
    "\n  fragment ImpactFields on ApiCredentialPermissionImpact {\n    removedWhileUsed { operation allowedCount lastUsedAt }\n    removedUnused added confidentialReads confidentialReadsWouldBeHidden breaks impactHash\n  }\n": typeof types.ImpactFieldsFragmentDoc,
    "\n  query CredentialUsage($id: ID!, $since: DateTimeISO) {\n    apiCredential(id: $id) { id name secretHint status fullAccess operations }\n    apiCredentialUsage(id: $id, since: $since) {\n      since grantedCount usedCount confidentialReads lastConfidentialReadAt\n      operations { operation granted allowedCount refusedCount missingPermission lastUsedAt lastRefusedAt daily { day allowed refused } }\n    }\n  }\n": typeof types.CredentialUsageDocument,
    "\n  query PreviewPermissions($id: ID!, $operations: [String!]!, $fullAccess: Boolean!, $allowConfidential: Boolean!) {\n    previewApiCredentialPermissions(id: $id, operations: $operations, fullAccess: $fullAccess, allowConfidential: $allowConfidential) { ...ImpactFields }\n  }\n": typeof types.PreviewPermissionsDocument,
    "\n  query SuggestPermissions($id: ID!, $since: DateTimeISO) {\n    suggestApiCredentialPermissions(id: $id, since: $since) { since operations dropped impact { ...ImpactFields } }\n  }\n": typeof types.SuggestPermissionsDocument,
    "\n  mutation NarrowCredential($id: ID!, $since: DateTimeISO, $expectedImpactHash: String!) {\n    narrowApiCredential(id: $id, since: $since, expectedImpactHash: $expectedImpactHash) { ...CredentialFields }\n  }\n": typeof types.NarrowCredentialDocument,
    "\n  query DistributionSettings {\n    organization { id settingsVersion settings { linkedinFeedEnabled linkedinCompanyId submitHostedPages careersPageEnabled careersSiteUrl } }\n  }\n": typeof types.DistributionSettingsDocument,
    "\n  mutation UpdateDistributionSettings($input: UpdateOrganizationSettingsInput!) {\n    updateOrganizationSettings(input: $input) { id settingsVersion settings { linkedinFeedEnabled linkedinCompanyId submitHostedPages } }\n  }\n": typeof types.UpdateDistributionSettingsDocument,
    "\n  query EeoReport($postingId: ID, $from: DateTimeISO, $to: DateTimeISO) {\n    eeoReport(postingId: $postingId, from: $from, to: $to) {\n      minimumCellSize responses from to\n      questions { question label cells { answer label count suppressed } }\n    }\n  }\n": typeof types.EeoReportDocument,
    "\n  query EeoSettings {\n    organization { id settingsVersion settings { eeoQuestions } }\n  }\n": typeof types.EeoSettingsDocument,
    "\n  mutation UpdateEeoSettings($input: UpdateOrganizationSettingsInput!) {\n    updateOrganizationSettings(input: $input) { id settingsVersion settings { eeoQuestions } }\n  }\n": typeof types.UpdateEeoSettingsDocument,
    "\n  query WebhookAccess { webhookAccess { operations allowConfidential } }\n": typeof types.WebhookAccessDocument,
    "\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id url eventTypes description allowConfidential status disabledReason failingSince previousSecretExpiresAt createdAt updatedAt\n  }\n": typeof types.WebhookEndpointFieldsFragmentDoc,
    "\n  query WebhookEventTypes { webhookEventTypes { name description permission group } }\n": typeof types.WebhookEventTypesDocument,
    "\n  query WebhookEndpoints($first: Int!, $after: String) {\n    webhookEndpoints(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { ...WebhookEndpointFields }\n    }\n  }\n": typeof types.WebhookEndpointsDocument,
    "\n  query WebhookEndpoint($id: ID!) { webhookEndpoint(id: $id) { ...WebhookEndpointFields } }\n": typeof types.WebhookEndpointDocument,
    "\n  query WebhookMessages($endpointId: ID!, $first: Int!, $after: String) {\n    webhookMessages(endpointId: $endpointId, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id eventType createdAt status nextAttemptAt attempts { at statusCode durationMs error responseExcerpt } }\n    }\n  }\n": typeof types.WebhookMessagesDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) { secret endpoint { ...WebhookEndpointFields } }\n  }\n": typeof types.CreateWebhookEndpointDocument,
    "\n  mutation UpdateWebhookEndpoint($id: ID!, $input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(id: $id, input: $input) { ...WebhookEndpointFields }\n  }\n": typeof types.UpdateWebhookEndpointDocument,
    "\n  mutation DisableWebhookEndpoint($id: ID!) { disableWebhookEndpoint(id: $id) { ...WebhookEndpointFields } }\n": typeof types.DisableWebhookEndpointDocument,
    "\n  mutation EnableWebhookEndpoint($id: ID!) { enableWebhookEndpoint(id: $id) { ...WebhookEndpointFields } }\n": typeof types.EnableWebhookEndpointDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) { deleteWebhookEndpoint(id: $id) }\n": typeof types.DeleteWebhookEndpointDocument,
    "\n  mutation RotateWebhookEndpointSecret($id: ID!, $previousSecretTtlSeconds: Int!) {\n    rotateWebhookEndpointSecret(id: $id, previousSecretTtlSeconds: $previousSecretTtlSeconds) { secret endpoint { ...WebhookEndpointFields } }\n  }\n": typeof types.RotateWebhookEndpointSecretDocument,
    "\n  mutation RedeliverWebhookMessage($endpointId: ID!, $messageId: ID!) { redeliverWebhookMessage(endpointId: $endpointId, messageId: $messageId) }\n": typeof types.RedeliverWebhookMessageDocument,
    "\n  mutation SendTestWebhook($endpointId: ID!, $eventType: String!) { sendTestWebhook(endpointId: $endpointId, eventType: $eventType) }\n": typeof types.SendTestWebhookDocument,
};
const documents: Documents = {
    "\n  query DataRights {\n    organization { id settingsVersion settings { applicationRetentionDays consentedRetentionDays } }\n    privacyNotices { version text url publishedAt }\n  }\n": types.DataRightsDocument,
    "\n  mutation UpdateRetention($input: UpdateOrganizationSettingsInput!) {\n    updateOrganizationSettings(input: $input) { id settingsVersion settings { applicationRetentionDays consentedRetentionDays } }\n  }\n": types.UpdateRetentionDocument,
    "\n  mutation PublishPrivacyNotice($input: PublishPrivacyNoticeInput!) {\n    publishPrivacyNotice(input: $input) { version text url publishedAt }\n  }\n": types.PublishPrivacyNoticeDocument,
    "\n  query CandidateApplications($email: String!) {\n    applications(first: 100, filter: { search: $email }) {\n      totalCount\n      nodes { id email legalHold createdAt posting { id title confidential } resume { id filename } }\n    }\n  }\n": types.CandidateApplicationsDocument,
    "\n  mutation EraseCandidateData($email: String!) {\n    eraseCandidateData(email: $email) { applications files candidates auditEventsRedacted }\n  }\n": types.EraseCandidateDataDocument,
    "\n  mutation ExportCandidateData($email: String!) { exportCandidateData(email: $email) }\n": types.ExportCandidateDataDocument,
    "\n  mutation SetLegalHold($id: ID!, $hold: Boolean!) { setApplicationLegalHold(id: $id, hold: $hold) { id legalHold } }\n": types.SetLegalHoldDocument,
    "\n  mutation Login($organizationSlug: String!, $email: String!, $password: String!) {\n    login(organizationSlug: $organizationSlug, email: $email, password: $password) {\n      expiresAt\n      user { ...Me }\n    }\n  }\n": types.LoginDocument,
    "\n  fragment Me on User { id email name role canManageApiCredentials active operations }\n": types.MeFragmentDoc,
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
    "\n  query Postings($first: Int!, $after: String, $filter: AdminPostingFilter) {\n    postings(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id title state confidential team workplaceType publishedAt updatedAt locations { name }\n        distribution { destination status lastNotifiedAt problems { field message blocking } }\n      }\n    }\n  }\n": types.PostingsDocument,
    "\n  mutation SetPostingState($id: ID!, $state: PostingState!) {\n    setPostingState(id: $id, state: $state) { id state publishedAt updatedAt }\n  }\n": types.SetPostingStateDocument,
    "\n  query Applications($first: Int!, $after: String, $filter: ApplicationFilter) {\n    applications(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id name email status createdAt legalHold posting { id title } resume { id filename size } }\n    }\n  }\n": types.ApplicationsDocument,
    "\n  query ResumeLink($id: ID!) { application(id: $id) { id resume { id filename downloadUrl } } }\n": types.ResumeLinkDocument,
    "\n  fragment ImpactFields on ApiCredentialPermissionImpact {\n    removedWhileUsed { operation allowedCount lastUsedAt }\n    removedUnused added confidentialReads confidentialReadsWouldBeHidden breaks impactHash\n  }\n": types.ImpactFieldsFragmentDoc,
    "\n  query CredentialUsage($id: ID!, $since: DateTimeISO) {\n    apiCredential(id: $id) { id name secretHint status fullAccess operations }\n    apiCredentialUsage(id: $id, since: $since) {\n      since grantedCount usedCount confidentialReads lastConfidentialReadAt\n      operations { operation granted allowedCount refusedCount missingPermission lastUsedAt lastRefusedAt daily { day allowed refused } }\n    }\n  }\n": types.CredentialUsageDocument,
    "\n  query PreviewPermissions($id: ID!, $operations: [String!]!, $fullAccess: Boolean!, $allowConfidential: Boolean!) {\n    previewApiCredentialPermissions(id: $id, operations: $operations, fullAccess: $fullAccess, allowConfidential: $allowConfidential) { ...ImpactFields }\n  }\n": types.PreviewPermissionsDocument,
    "\n  query SuggestPermissions($id: ID!, $since: DateTimeISO) {\n    suggestApiCredentialPermissions(id: $id, since: $since) { since operations dropped impact { ...ImpactFields } }\n  }\n": types.SuggestPermissionsDocument,
    "\n  mutation NarrowCredential($id: ID!, $since: DateTimeISO, $expectedImpactHash: String!) {\n    narrowApiCredential(id: $id, since: $since, expectedImpactHash: $expectedImpactHash) { ...CredentialFields }\n  }\n": types.NarrowCredentialDocument,
    "\n  query DistributionSettings {\n    organization { id settingsVersion settings { linkedinFeedEnabled linkedinCompanyId submitHostedPages careersPageEnabled careersSiteUrl } }\n  }\n": types.DistributionSettingsDocument,
    "\n  mutation UpdateDistributionSettings($input: UpdateOrganizationSettingsInput!) {\n    updateOrganizationSettings(input: $input) { id settingsVersion settings { linkedinFeedEnabled linkedinCompanyId submitHostedPages } }\n  }\n": types.UpdateDistributionSettingsDocument,
    "\n  query EeoReport($postingId: ID, $from: DateTimeISO, $to: DateTimeISO) {\n    eeoReport(postingId: $postingId, from: $from, to: $to) {\n      minimumCellSize responses from to\n      questions { question label cells { answer label count suppressed } }\n    }\n  }\n": types.EeoReportDocument,
    "\n  query EeoSettings {\n    organization { id settingsVersion settings { eeoQuestions } }\n  }\n": types.EeoSettingsDocument,
    "\n  mutation UpdateEeoSettings($input: UpdateOrganizationSettingsInput!) {\n    updateOrganizationSettings(input: $input) { id settingsVersion settings { eeoQuestions } }\n  }\n": types.UpdateEeoSettingsDocument,
    "\n  query WebhookAccess { webhookAccess { operations allowConfidential } }\n": types.WebhookAccessDocument,
    "\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id url eventTypes description allowConfidential status disabledReason failingSince previousSecretExpiresAt createdAt updatedAt\n  }\n": types.WebhookEndpointFieldsFragmentDoc,
    "\n  query WebhookEventTypes { webhookEventTypes { name description permission group } }\n": types.WebhookEventTypesDocument,
    "\n  query WebhookEndpoints($first: Int!, $after: String) {\n    webhookEndpoints(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { ...WebhookEndpointFields }\n    }\n  }\n": types.WebhookEndpointsDocument,
    "\n  query WebhookEndpoint($id: ID!) { webhookEndpoint(id: $id) { ...WebhookEndpointFields } }\n": types.WebhookEndpointDocument,
    "\n  query WebhookMessages($endpointId: ID!, $first: Int!, $after: String) {\n    webhookMessages(endpointId: $endpointId, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id eventType createdAt status nextAttemptAt attempts { at statusCode durationMs error responseExcerpt } }\n    }\n  }\n": types.WebhookMessagesDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) { secret endpoint { ...WebhookEndpointFields } }\n  }\n": types.CreateWebhookEndpointDocument,
    "\n  mutation UpdateWebhookEndpoint($id: ID!, $input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(id: $id, input: $input) { ...WebhookEndpointFields }\n  }\n": types.UpdateWebhookEndpointDocument,
    "\n  mutation DisableWebhookEndpoint($id: ID!) { disableWebhookEndpoint(id: $id) { ...WebhookEndpointFields } }\n": types.DisableWebhookEndpointDocument,
    "\n  mutation EnableWebhookEndpoint($id: ID!) { enableWebhookEndpoint(id: $id) { ...WebhookEndpointFields } }\n": types.EnableWebhookEndpointDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) { deleteWebhookEndpoint(id: $id) }\n": types.DeleteWebhookEndpointDocument,
    "\n  mutation RotateWebhookEndpointSecret($id: ID!, $previousSecretTtlSeconds: Int!) {\n    rotateWebhookEndpointSecret(id: $id, previousSecretTtlSeconds: $previousSecretTtlSeconds) { secret endpoint { ...WebhookEndpointFields } }\n  }\n": types.RotateWebhookEndpointSecretDocument,
    "\n  mutation RedeliverWebhookMessage($endpointId: ID!, $messageId: ID!) { redeliverWebhookMessage(endpointId: $endpointId, messageId: $messageId) }\n": types.RedeliverWebhookMessageDocument,
    "\n  mutation SendTestWebhook($endpointId: ID!, $eventType: String!) { sendTestWebhook(endpointId: $endpointId, eventType: $eventType) }\n": types.SendTestWebhookDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DataRights {\n    organization { id settingsVersion settings { applicationRetentionDays consentedRetentionDays } }\n    privacyNotices { version text url publishedAt }\n  }\n"): typeof import('./graphql').DataRightsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateRetention($input: UpdateOrganizationSettingsInput!) {\n    updateOrganizationSettings(input: $input) { id settingsVersion settings { applicationRetentionDays consentedRetentionDays } }\n  }\n"): typeof import('./graphql').UpdateRetentionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishPrivacyNotice($input: PublishPrivacyNoticeInput!) {\n    publishPrivacyNotice(input: $input) { version text url publishedAt }\n  }\n"): typeof import('./graphql').PublishPrivacyNoticeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CandidateApplications($email: String!) {\n    applications(first: 100, filter: { search: $email }) {\n      totalCount\n      nodes { id email legalHold createdAt posting { id title confidential } resume { id filename } }\n    }\n  }\n"): typeof import('./graphql').CandidateApplicationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EraseCandidateData($email: String!) {\n    eraseCandidateData(email: $email) { applications files candidates auditEventsRedacted }\n  }\n"): typeof import('./graphql').EraseCandidateDataDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExportCandidateData($email: String!) { exportCandidateData(email: $email) }\n"): typeof import('./graphql').ExportCandidateDataDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetLegalHold($id: ID!, $hold: Boolean!) { setApplicationLegalHold(id: $id, hold: $hold) { id legalHold } }\n"): typeof import('./graphql').SetLegalHoldDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($organizationSlug: String!, $email: String!, $password: String!) {\n    login(organizationSlug: $organizationSlug, email: $email, password: $password) {\n      expiresAt\n      user { ...Me }\n    }\n  }\n"): typeof import('./graphql').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment Me on User { id email name role canManageApiCredentials active operations }\n"): typeof import('./graphql').MeFragmentDoc;
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
export function graphql(source: "\n  query Postings($first: Int!, $after: String, $filter: AdminPostingFilter) {\n    postings(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id title state confidential team workplaceType publishedAt updatedAt locations { name }\n        distribution { destination status lastNotifiedAt problems { field message blocking } }\n      }\n    }\n  }\n"): typeof import('./graphql').PostingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPostingState($id: ID!, $state: PostingState!) {\n    setPostingState(id: $id, state: $state) { id state publishedAt updatedAt }\n  }\n"): typeof import('./graphql').SetPostingStateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Applications($first: Int!, $after: String, $filter: ApplicationFilter) {\n    applications(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id name email status createdAt legalHold posting { id title } resume { id filename size } }\n    }\n  }\n"): typeof import('./graphql').ApplicationsDocument;
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
export function graphql(source: "\n  query DistributionSettings {\n    organization { id settingsVersion settings { linkedinFeedEnabled linkedinCompanyId submitHostedPages careersPageEnabled careersSiteUrl } }\n  }\n"): typeof import('./graphql').DistributionSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateDistributionSettings($input: UpdateOrganizationSettingsInput!) {\n    updateOrganizationSettings(input: $input) { id settingsVersion settings { linkedinFeedEnabled linkedinCompanyId submitHostedPages } }\n  }\n"): typeof import('./graphql').UpdateDistributionSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EeoReport($postingId: ID, $from: DateTimeISO, $to: DateTimeISO) {\n    eeoReport(postingId: $postingId, from: $from, to: $to) {\n      minimumCellSize responses from to\n      questions { question label cells { answer label count suppressed } }\n    }\n  }\n"): typeof import('./graphql').EeoReportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EeoSettings {\n    organization { id settingsVersion settings { eeoQuestions } }\n  }\n"): typeof import('./graphql').EeoSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateEeoSettings($input: UpdateOrganizationSettingsInput!) {\n    updateOrganizationSettings(input: $input) { id settingsVersion settings { eeoQuestions } }\n  }\n"): typeof import('./graphql').UpdateEeoSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookAccess { webhookAccess { operations allowConfidential } }\n"): typeof import('./graphql').WebhookAccessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id url eventTypes description allowConfidential status disabledReason failingSince previousSecretExpiresAt createdAt updatedAt\n  }\n"): typeof import('./graphql').WebhookEndpointFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookEventTypes { webhookEventTypes { name description permission group } }\n"): typeof import('./graphql').WebhookEventTypesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookEndpoints($first: Int!, $after: String) {\n    webhookEndpoints(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { ...WebhookEndpointFields }\n    }\n  }\n"): typeof import('./graphql').WebhookEndpointsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookEndpoint($id: ID!) { webhookEndpoint(id: $id) { ...WebhookEndpointFields } }\n"): typeof import('./graphql').WebhookEndpointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookMessages($endpointId: ID!, $first: Int!, $after: String) {\n    webhookMessages(endpointId: $endpointId, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id eventType createdAt status nextAttemptAt attempts { at statusCode durationMs error responseExcerpt } }\n    }\n  }\n"): typeof import('./graphql').WebhookMessagesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) { secret endpoint { ...WebhookEndpointFields } }\n  }\n"): typeof import('./graphql').CreateWebhookEndpointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWebhookEndpoint($id: ID!, $input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(id: $id, input: $input) { ...WebhookEndpointFields }\n  }\n"): typeof import('./graphql').UpdateWebhookEndpointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableWebhookEndpoint($id: ID!) { disableWebhookEndpoint(id: $id) { ...WebhookEndpointFields } }\n"): typeof import('./graphql').DisableWebhookEndpointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnableWebhookEndpoint($id: ID!) { enableWebhookEndpoint(id: $id) { ...WebhookEndpointFields } }\n"): typeof import('./graphql').EnableWebhookEndpointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhookEndpoint($id: ID!) { deleteWebhookEndpoint(id: $id) }\n"): typeof import('./graphql').DeleteWebhookEndpointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateWebhookEndpointSecret($id: ID!, $previousSecretTtlSeconds: Int!) {\n    rotateWebhookEndpointSecret(id: $id, previousSecretTtlSeconds: $previousSecretTtlSeconds) { secret endpoint { ...WebhookEndpointFields } }\n  }\n"): typeof import('./graphql').RotateWebhookEndpointSecretDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeliverWebhookMessage($endpointId: ID!, $messageId: ID!) { redeliverWebhookMessage(endpointId: $endpointId, messageId: $messageId) }\n"): typeof import('./graphql').RedeliverWebhookMessageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendTestWebhook($endpointId: ID!, $eventType: String!) { sendTestWebhook(endpointId: $endpointId, eventType: $eventType) }\n"): typeof import('./graphql').SendTestWebhookDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
