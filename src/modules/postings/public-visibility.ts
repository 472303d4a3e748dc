import type { FilterQuery } from '@mikro-orm/core';
import { PostingState } from './posting-enums';
import type { Posting } from './posting.entity';

/**
 * The one definition of "publicly visible": published, not confidential, not
 * expired. The public API, the XML feed and public applies all use it, in one
 * of its two forms below, which must always say the same thing.
 */
export function publiclyVisible(now: Date = new Date()): FilterQuery<Posting> {
  return {
    state: PostingState.PUBLISHED,
    confidential: false,
    $or: [{ expiresAt: null }, { expiresAt: { $gt: now } }],
  };
}

/**
 * The same predicate for raw SQL over `postings` (aliased `alias`). Uses the
 * statement's `now()`; `alias` is a trusted identifier from code, never input.
 */
export function publiclyVisibleSql(alias = 'postings'): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`invalid SQL alias ${alias}`);
  return `(${alias}.state = '${PostingState.PUBLISHED}' and ${alias}.confidential = false and (${alias}.expires_at is null or ${alias}.expires_at > now()))`;
}

/** The same predicate for a loaded posting, to tell whether a write takes a posting out of the public set. */
export function isPubliclyVisible(posting: Pick<Posting, 'state' | 'confidential' | 'expiresAt'>, now: Date = new Date()): boolean {
  return posting.state === PostingState.PUBLISHED && !posting.confidential && (posting.expiresAt === null || posting.expiresAt > now);
}

/**
 * The posting an apply targets, as a subquery for the applications module's one read
 * (this module owns `postings`): at most one row of id, confidential and questions.
 * Three parameters: the posting id, the organization id, whether confidential postings
 * are allowed. `publicOnly` (a career site's apply) adds the public visibility predicate.
 */
export function applyTargetPostingSql(publicOnly: boolean): string {
  const visible = publicOnly ? ` and ${publiclyVisibleSql('postings')}` : '';
  return `(select id, confidential, questions from postings where id = ? and organization_id = ? and (? or confidential = false)${visible})`;
}
