/** Candidate data rights: retention, erasure, export, legal hold. */
export { ApplicationEraser, type ErasureCounts } from './application-eraser';
export { CandidateDataService, EXPORT_LINK_TTL_SECONDS, type CandidateExport } from './candidate-data.service';
export { DataRightsResolver } from './data-rights.resolver';
export { EmailHasher } from './email-hash';
export { RetentionSweep, type RetentionReport } from './retention-sweep';
