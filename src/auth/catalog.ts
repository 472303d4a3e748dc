/**
 * THE permission catalog: every operation a data API key can be granted.
 * Resolvers reference these ids with @Requires(...); tests walk the schema to
 * prove every admin operation declares one (or is @HumansOnly) and snapshot the map.
 *
 * `since` is the catalog version that introduced an entry. A full-access key is
 * granted only the entries whose `since` is at or before its own catalog version,
 * so adding an operation never silently widens an existing key.
 */
export const ACTIONS = ['read', 'list', 'download', 'upload', 'update', 'delete', 'remove', 'reactivate', 'create', 'add', 'export', 'erase'] as const;
export type Action = (typeof ACTIONS)[number];
export type Access = 'READ' | 'WRITE';

const READ_ACTIONS: ReadonlySet<Action> = new Set(['read', 'list', 'download', 'export']);

export function accessOf(action: Action): Access {
  return READ_ACTIONS.has(action) ? 'READ' : 'WRITE';
}

export interface CatalogEntry {
  id: string;
  endpoint: string;
  action: Action;
  access: Access;
  /** The exact GraphQL call the permission allows, shown next to its checkbox. */
  call: string;
  description: string;
  /** Objects created through this operation show the key's name and logo. */
  showsCredentialLogo: boolean;
  since: number;
}

interface EntrySpec {
  action: Action;
  call: string;
  description: string;
  showsCredentialLogo?: boolean;
  since?: number;
}

/** Endpoint name → what it covers, shown as the group heading in an admin UI. */
export const ENDPOINTS: Record<string, string> = {
  organization: 'The organization profile and its settings.',
  users: 'People who can sign in to the organization.',
  auditEvents: 'The append-only log of changes.',
  postings: 'Job postings, in every state.',
  applications: 'Candidates\' applications to postings, with their resumes.',
  uploads: 'Staged file uploads (POST /uploads) that mutations then reference.',
  webhooks: 'Webhook endpoints: signed event deliveries to an integration, within the subscriber\'s own reach.',
};

const SPECS: Record<string, EntrySpec> = {
  'organization.read': { action: 'read', call: 'query organization', description: 'Read the organization profile and settings.' },
  'users.list': { action: 'list', call: 'query users', description: 'List users.' },
  'users.read': { action: 'read', call: 'query user', description: 'Read one user.' },
  'users.create': { action: 'create', call: 'mutation createUser', description: 'Create a user (never a Super Admin).' },
  'users.update': { action: 'update', call: 'mutation updateUser', description: 'Change a user\'s name or role.' },
  'users.deactivate': { action: 'remove', call: 'mutation deactivateUser', description: 'Deactivate a user and end their sessions.' },
  'users.reactivate': { action: 'reactivate', call: 'mutation reactivateUser', description: 'Reactivate a deactivated user.' },
  'auditEvents.list': { action: 'list', call: 'query auditEvents', description: 'List audit events.' },
  'postings.list': { action: 'list', call: 'query postings', description: 'List postings in every state, with filters.' },
  'postings.read': { action: 'read', call: 'query posting', description: 'Read one posting.' },
  'postings.create': { action: 'create', call: 'mutation createPosting', description: 'Create a posting.', showsCredentialLogo: true },
  'postings.update': { action: 'update', call: 'mutation updatePosting, mutation setPostingState', description: 'Edit a posting or change its state.' },
  'postings.delete': { action: 'delete', call: 'mutation deletePosting', description: 'Delete a posting that has no applications.' },
  'applications.list': { action: 'list', call: 'query applications', description: 'List applications.' },
  'applications.read': { action: 'read', call: 'query application', description: 'Read one application.' },
  'applications.download': { action: 'download', call: 'field Application.resume.downloadUrl', description: 'Download resumes through short-lived signed URLs.' },
  'applications.create': { action: 'create', call: 'mutation createApplication', description: 'Import a candidate\'s application.', showsCredentialLogo: true },
  'applications.remove': { action: 'remove', call: 'mutation archiveApplication', description: 'Archive an application.' },
  'applications.reactivate': { action: 'reactivate', call: 'mutation reactivateApplication', description: 'Reactivate an archived application.' },
  'applications.hold': { action: 'update', call: 'mutation setApplicationLegalHold', description: 'Put an application on legal hold (exempt from the retention period) or release it.', since: 2 },
  'applications.export': { action: 'export', call: 'mutation exportCandidateData', description: 'Export everything held about one candidate (by e-mail) as one JSON document, with expiring file links.', since: 2 },
  'applications.erase': { action: 'erase', call: 'mutation eraseCandidateData', description: 'Erase every application, file and audit trace of one candidate (by e-mail).', since: 2 },
  'applications.eeo': {
    action: 'read',
    call: 'query eeoReport',
    description: 'Read the aggregate report of voluntary EEO self-identification answers (cells under 5 suppressed). No other operation ever shows these answers.',
    since: 3,
  },
  'uploads.upload': { action: 'upload', call: 'POST /uploads', description: 'Stage a resume, attachment or logo upload.' },
  'webhooks.list': { action: 'list', call: 'query webhookEndpoints, query webhookEventTypes', description: 'List webhook endpoints and the event types.', since: 2 },
  'webhooks.read': { action: 'read', call: 'query webhookEndpoint, query webhookMessages', description: 'Read one webhook endpoint and its message log.', since: 2 },
  'webhooks.create': { action: 'create', call: 'mutation createWebhookEndpoint', description: 'Subscribe an endpoint to events the caller may read itself.', since: 2 },
  'webhooks.update': {
    action: 'update',
    call: 'mutation updateWebhookEndpoint, mutation disableWebhookEndpoint, mutation enableWebhookEndpoint, mutation rotateWebhookEndpointSecret, mutation redeliverWebhookMessage, mutation sendTestWebhook',
    description: 'Change, disable, enable or rotate an endpoint; redeliver a message or send a test event.',
    since: 2,
  },
  'webhooks.delete': { action: 'delete', call: 'mutation deleteWebhookEndpoint', description: 'Delete a webhook endpoint and its message log.', since: 2 },
};

/** The current catalog version: bump it when adding entries, and give them this `since`. */
export const CATALOG_VERSION = 3;

export const catalog: readonly CatalogEntry[] = Object.entries(SPECS).map(([id, spec]) => ({
  id,
  endpoint: id.slice(0, id.indexOf('.')),
  action: spec.action,
  access: accessOf(spec.action),
  call: spec.call,
  description: spec.description,
  showsCredentialLogo: spec.showsCredentialLogo ?? false,
  since: spec.since ?? 1,
}));

const byId = new Map(catalog.map((entry) => [entry.id, entry]));

export function isCatalogId(id: string): boolean {
  return byId.has(id);
}

/** What a full-access key created at `version` may run. */
export function operationsUpTo(version: number, entries: readonly CatalogEntry[] = catalog): string[] {
  return entries.filter((entry) => entry.since <= version).map((entry) => entry.id);
}
