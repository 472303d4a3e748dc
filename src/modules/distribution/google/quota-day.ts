/** Google's Indexing API quota resets at midnight Pacific Time, so its day is counted there. */
const PACIFIC_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The quota day of an instant, as YYYY-MM-DD. */
export const quotaDay = (at: Date): string => PACIFIC_DAY.format(at);
