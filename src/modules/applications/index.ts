/** The applications module's face: what other modules may import. Everything else in this folder is private to it. */
export * from './entities.api';
export { ApplicationIntakeService } from './application-intake.service';
export { ApplyService } from './apply.service';
export type { IncomingFile } from './incoming-file';
export { LIMITS, validateApplication } from './application-validation';
export type { ApplicationAnswerInput, ApplicationInput } from './application.inputs';
export { ApplicationLookup } from './application-lookup.query';
export { tiedPosting } from './application-review.service';
export {
  applicationsOfEmail,
  deleteApplications,
  expiredApplications,
  exportedApplications,
  type ErasedApplications,
  type ExportedApplicationRow,
} from './candidate-records.repository';
