/** The postings module's face: what other modules may import. Everything else in this folder is private to it. */
export * from './entities.api';
export { PostingState, QuestionKind, SalaryInterval, WorkplaceType } from './posting-enums';
export type { PostingListSection, PostingLocation, PostingQuestion, SalaryRange } from './posting-values';
export { applyUrl, hostedUrl, type PostingUrlBase } from './posting-urls';
export { PostingOrder, PublicPosting, PublicPostingFilter } from './public-posting.types';
export * from './public-postings.query';
export { applyTargetPostingSql, publiclyVisibleSql } from './public-visibility';
export { isPubliclyVisible } from './public-visibility';
export { SEARCH_NOTICE_TASK, type SearchNotice, type SearchNoticeKind, type SearchNoticeRoute, type SearchNoticeSink } from './posting-notices';
export { SearchNoticePump } from './search-notice-pump';
export { latestPerUrl } from './search-notice';
export { CONFIDENTIAL_POSTING_IDS_SQL } from './confidential-postings-sql';
