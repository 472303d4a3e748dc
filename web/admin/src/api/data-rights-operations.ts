import { graphql } from '../gql';

// The data-rights screen's operations (retention, privacy notices, erasure, export, legal hold).

export const DataRightsDocument = graphql(`
  query DataRights {
    organization { id settingsVersion settings { applicationRetentionDays consentedRetentionDays } }
    privacyNotices { version text url publishedAt }
  }
`);

export const UpdateRetentionDocument = graphql(`
  mutation UpdateRetention($input: UpdateOrganizationSettingsInput!) {
    updateOrganizationSettings(input: $input) { id settingsVersion settings { applicationRetentionDays consentedRetentionDays } }
  }
`);

export const PublishPrivacyNoticeDocument = graphql(`
  mutation PublishPrivacyNotice($input: PublishPrivacyNoticeInput!) {
    publishPrivacyNotice(input: $input) { version text url publishedAt }
  }
`);

// What an erasure would take, shown in its confirmation: the applications the e-mail search finds.
export const CandidateApplicationsDocument = graphql(`
  query CandidateApplications($email: String!) {
    applications(first: 100, filter: { search: $email }) {
      totalCount
      nodes { id email legalHold createdAt posting { id title confidential } resume { id filename } }
    }
  }
`);

export const EraseCandidateDataDocument = graphql(`
  mutation EraseCandidateData($email: String!) {
    eraseCandidateData(email: $email) { applications files candidates auditEventsRedacted }
  }
`);

export const ExportCandidateDataDocument = graphql(`
  mutation ExportCandidateData($email: String!) { exportCandidateData(email: $email) }
`);

export const SetLegalHoldDocument = graphql(`
  mutation SetLegalHold($id: ID!, $hold: Boolean!) { setApplicationLegalHold(id: $id, hold: $hold) { id legalHold } }
`);
