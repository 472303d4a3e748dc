/** The LinkedIn job feed (GET /feeds/:slug/linkedin.xml), a feed dialect built on the Indeed feed's helpers. */
export { registerLinkedinFeedRoutes, LINKEDIN_FEED_ROUTE } from './linkedin-feed.route';
export { linkedinJobElements, locationString, type LinkedinCompany } from './linkedin-job';
export { linkedinExperienceLevel, linkedinJobType, linkedinWorkplaceType } from './linkedin-mappings';
export { partnerJobId, PARTNER_JOB_ID_MAX } from './partner-job-id';
