import type { CallMap } from './helpers';
import { applicationsCalls } from './calls/applications';
import { auditCalls } from './calls/audit';
import { dataRightsCalls } from './calls/data-rights';
import { organizationCalls } from './calls/organization';
import { postingsCalls } from './calls/postings';
import { uploadsCalls } from './calls/uploads';
import { usersCalls } from './calls/users';
import { webhooksCalls } from './calls/webhooks';

export type { CallMap, CallOutcome, MatrixFixture, Prepared, RepresentativeCall } from './helpers';

/**
 * One representative call per catalog id, per module. Each module appends its own
 * map here (postings, applications, uploads); the matrix test fails, naming the ids,
 * for every catalog entry without one.
 */
const MODULE_CALLS: CallMap[] = [organizationCalls, usersCalls, auditCalls, postingsCalls, applicationsCalls, dataRightsCalls, uploadsCalls, webhooksCalls];

export const representativeCalls: CallMap = Object.assign({}, ...MODULE_CALLS);
