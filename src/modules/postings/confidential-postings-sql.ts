/**
 * The ids of an organization's confidential postings, as SQL text for another module's
 * statement (one parameter: the organization id). The postings module owns the table,
 * so the predicate lives here; the EEO report uses it to keep a caller without
 * confidential access to the postings it may see (the ceiling rule).
 */
export const CONFIDENTIAL_POSTING_IDS_SQL = `select p.id from postings p where p.organization_id = ? and p.confidential`;
