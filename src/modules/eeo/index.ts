/** The eeo module's face: voluntary self-identification, held apart from applications. */
export * from './categories.api';
export { answerCodeOf, eeoAnswersFrom, hasEeoAnswers, type EeoAnswers } from './eeo-answers';
export { EeoAnswersInput } from './eeo.inputs';
export { EeoService, type EeoReportFilter } from './eeo.service';
export { EeoReportResolver } from './eeo-report.resolver';
export { MINIMUM_CELL_SIZE } from './eeo-suppression';
