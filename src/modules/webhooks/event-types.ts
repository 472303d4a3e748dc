/**
 * THE webhook event types, as code (snapshot-tested like the permission catalog).
 * Each names the catalog operation a subscriber must hold to receive it: the
 * ceiling rule for subscribers, checked when an endpoint subscribes and again, against
 * the owner's current reach, at every delivery.
 */
export interface WebhookEventType {
  name: string;
  description: string;
  /** The catalog operation whose data the event reveals. */
  permission: string;
  /** The console's grouping. */
  group: 'postings' | 'applications' | 'credentials';
}

export const WEBHOOK_EVENT_TYPES: readonly WebhookEventType[] = [
  { name: 'posting.published', group: 'postings', permission: 'postings.read', description: 'A posting became publicly visible (published, or published again).' },
  { name: 'posting.updated', group: 'postings', permission: 'postings.read', description: 'A published posting was edited.' },
  {
    name: 'posting.unpublished',
    group: 'postings',
    permission: 'postings.read',
    description: 'A posting left the public set: closed, made internal or confidential, deleted, or expired by time.',
  },
  { name: 'application.created', group: 'applications', permission: 'applications.read', description: 'A candidate applied (any apply route, or an import). No candidate PII: read it with a key.' },
  { name: 'credential.expiring', group: 'credentials', permission: 'organization.read', description: 'An API key expires in 7 days, or in 1 day.' },
  { name: 'credential.revoked', group: 'credentials', permission: 'organization.read', description: 'An API key was revoked.' },
  { name: 'credential.rotated', group: 'credentials', permission: 'organization.read', description: 'An API key\'s secret was rotated.' },
];

export type WebhookEventName = 'posting.published' | 'posting.updated' | 'posting.unpublished' | 'application.created' | 'credential.expiring' | 'credential.revoked' | 'credential.rotated';

const byName = new Map(WEBHOOK_EVENT_TYPES.map((type) => [type.name, type]));

export function eventTypeOf(name: string): WebhookEventType | undefined {
  return byName.get(name);
}
