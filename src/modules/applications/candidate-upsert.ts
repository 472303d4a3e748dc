import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

export interface CandidateDetails {
  name: string;
  email: string;
  phone: string | null;
}

/** The dedup key: e-mail addresses are compared case-insensitively (as Lever does). */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Finds or creates the organization's candidate for this e-mail in one statement;
 * the unique index on (organization, email_key) makes concurrent applies from one
 * person agree on one row. The latest application's name wins; a phone is kept
 * when the new application has none. Runs inside the caller's transaction.
 */
export async function upsertCandidate(em: EntityManager, organizationId: string, details: CandidateDetails): Promise<string> {
  const rows = await em.getConnection().execute<{ id: string }[]>(
    `insert into candidates (id, organization_id, name, email, email_key, phone, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, now(), now())
     on conflict (organization_id, email_key) do update
       set name = excluded.name, email = excluded.email, phone = coalesce(excluded.phone, candidates.phone), updated_at = now()
     returning id`,
    [randomUUID(), organizationId, details.name, details.email, emailKey(details.email), details.phone],
    'all',
    em.getTransactionContext(),
  );
  return rows[0]!.id;
}
