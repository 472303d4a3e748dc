/** Candidate data rights: retention, erasure, export, legal hold. */
export { ApplicationEraser, type ErasureCounts } from './application-eraser';
export { CandidateDataService, EXPORT_LINK_TTL_SECONDS, type CandidateExport } from './candidate-data.service';
export { DataRightsResolver } from './data-rights.resolver';
export { EmailHasher } from './email-hash';
export { RetentionSweep, type RetentionReport } from './retention-sweep';
export { PrivacyNotice } from './privacy-notice.entity';
export { PrivacyNoticeResolver } from './privacy-notice.resolver';
export { PrivacyNoticeService } from './privacy-notice.service';
export { PublicPrivacyNoticeResolver } from './public-privacy-notice.resolver';
