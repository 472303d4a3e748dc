import { raw, type FilterQuery } from '@mikro-orm/core';
import { LockMode, type MikroORM } from '@mikro-orm/postgresql';
import type { Scope } from '../../auth/scope';
import { escapeLike } from '../../db/escape-like';
import type { DomainEventBus } from '../../events';
import { ApplicationLookup } from '../applications';
import { ConflictError, NotFoundError } from '../../errors';
import { paginate, type Page, type PageRequest } from '../../db/paginate';
import { isUuid } from '../../ids';
import { actorOf, diff, postingConfidentialityChanged, recordAudit } from '../audit';
import { feedChanged } from '../organizations';
import { isPubliclyVisible } from './public-visibility';
import { PostingState } from './posting-enums';
import { assertAdminPostingFilter, type AdminPostingFilterInput } from './admin-posting-criteria';
import type { CreatePostingInput, UpdatePostingInput } from './posting.inputs';
import { Posting } from './posting.entity';
import { postingSearchSql } from './posting-search.repository';
import { validatePostingInput } from './posting-validation';
import { enqueueSearchNotice, type SearchNoticeSink } from './posting-notices';
import type { WebhookService } from '../webhooks';
import { enqueuePostingEvents, type PostingSnapshot } from './posting-webhooks';

/** Fields compared for the `posting.updated` audit diff (HTML is summarized, not copied). */
const AUDITED: (keyof Posting)[] = [
  'title',
  'confidential',
  'requisitionCode',
  'team',
  'department',
  'commitment',
  'level',
  'workplaceType',
  'locations',
  'lists',
  'salaryRange',
  'salaryDescription',
  'questions',
  'expiresAt',
  'openingHtml',
  'descriptionHtml',
  'additionalHtml',
];

/** Case-insensitive exact match of any of `values` (ILIKE with wildcards escaped). */
function anyOfInsensitive(key: 'team' | 'department', values: string[]): FilterQuery<Posting> {
  return { $or: values.map((v) => ({ [key]: { $ilike: escapeLike(v.trim()) } })) } as FilterQuery<Posting>;
}

/** Admin management of postings. Every read and write goes through the request fork's tenant and confidential filters. */
export class PostingService {
  /** Applications are the applications module's table: asked through its facade. */
  private readonly applications = new ApplicationLookup();

  constructor(
    private readonly orm: MikroORM,
    private readonly events: DomainEventBus,
    private readonly webhooks: WebhookService,
    private readonly publicUrl: string,
    private readonly notices?: SearchNoticeSink,
  ) {}

  /** The webhook events of one change, in its transaction. */
  private webhookEvents(em: Scope['em'], organizationId: string, before: PostingSnapshot | null, after: PostingSnapshot | null): Promise<void> {
    return enqueuePostingEvents(em, this.webhooks, this.publicUrl, organizationId, before, after);
  }

  /** After commit: tells the public cache (and any other listener) that public postings may differ. */
  async changed(organizationId: string): Promise<void> {
    await this.events.emit('postings.changed', { organizationId });
  }

  list(scope: Scope, filter: AdminPostingFilterInput | null | undefined, page: PageRequest): Promise<Page<Posting>> {
    assertAdminPostingFilter(filter);
    const and: FilterQuery<Posting>[] = [];
    if (filter?.states?.length) and.push({ state: { $in: filter.states } });
    if (filter?.confidential != null) and.push({ confidential: filter.confidential });
    if (filter?.teams?.length) and.push(anyOfInsensitive('team', filter.teams));
    if (filter?.departments?.length) and.push(anyOfInsensitive('department', filter.departments));
    if (filter?.locations?.length) and.push({ locationNames: { $overlap: filter.locations.map((l) => l.trim().toLowerCase()) } });
    if (filter?.search?.trim()) {
      and.push({ [raw(postingSearchSql('search_vector'), [filter.search.trim()])]: true } as FilterQuery<Posting>);
    }
    return paginate(scope.em, Posting, and.length ? { $and: and } : {}, page, { createdAt: 'desc', id: 'desc' });
  }

  /** Not found covers other organizations and, for those who may not see them, confidential postings. */
  async get(scope: Scope, id: string): Promise<Posting> {
    const posting = isUuid(id) ? await scope.em.findOne(Posting, { id: id.toLowerCase() }) : null;
    if (!posting) throw new NotFoundError('Posting', id);
    return posting;
  }

  async create(scope: Scope, input: CreatePostingInput): Promise<Posting> {
    const changes = validatePostingInput(input, true);
    const state = input.state ?? PostingState.DRAFT;
    const posting = await scope.em.transactional(async (em) => {
      const created = em.create(Posting, {
        ...changes,
        title: changes.title ?? '',
        locations: changes.locations ?? [],
        organization: scope.principal.organizationId,
        state,
        publishedAt: state === PostingState.PUBLISHED ? new Date() : null,
        createdBy: actorOf(scope.principal),
      });
      recordAudit(em, scope.principal.organizationId, scope.principal, scope.meta, {
        action: 'posting.created',
        targetType: 'Posting',
        targetId: created.id,
        changes: { title: created.title, state, confidential: created.confidential },
        posting: tiedTo(created),
      });
      await enqueueSearchNotice(em, this.notices, created, false);
      await this.webhookEvents(em, scope.principal.organizationId, null, created);
      return created;
    });
    await this.changed(scope.principal.organizationId);
    return posting;
  }

  async update(scope: Scope, id: string, input: UpdatePostingInput): Promise<Posting> {
    const changes = validatePostingInput(input, false);
    const posting = await scope.em.transactional(async (em) => {
      const found = await this.lockedForWrite(em, id);
      const before = { ...found };
      em.assign(found, changes);
      const changed = diff(before, { ...found }, AUDITED);
      if (Object.keys(changed).length) {
        recordAudit(em, scope.principal.organizationId, scope.principal, scope.meta, {
          action: 'posting.updated',
          targetType: 'Posting',
          targetId: found.id,
          changes: summarizeHtml(changed),
          posting: tiedTo(found),
        });
      }
      if (before.confidential !== found.confidential) {
        await postingConfidentialityChanged(em, scope.principal.organizationId, found.id, found.confidential);
      }
      await markFeedChangedIfLeft(em, scope.principal.organizationId, before, found);
      if (Object.keys(changed).length) {
        await enqueueSearchNotice(em, this.notices, found, isPubliclyVisible(before));
        await this.webhookEvents(em, scope.principal.organizationId, before, found);
      }
      return found;
    });
    await this.changed(scope.principal.organizationId);
    return posting;
  }

  async setState(scope: Scope, id: string, state: PostingState): Promise<Posting> {
    const posting = await scope.em.transactional(async (em) => {
      const found = await this.lockedForWrite(em, id);
      const before = found.state;
      if (before === state) return found;
      const wasVisible = isPubliclyVisible(found);
      const snapshot = { ...found };
      found.state = state;
      // Publishing sets publishedAt once: re-publishing keeps the original date (and the posting's place in NEWEST order).
      if (state === PostingState.PUBLISHED && !found.publishedAt) found.publishedAt = new Date();
      recordAudit(em, scope.principal.organizationId, scope.principal, scope.meta, {
        action: 'posting.state_changed',
        targetType: 'Posting',
        targetId: found.id,
        changes: { state: { before, after: state } },
        posting: tiedTo(found),
      });
      if (wasVisible && !isPubliclyVisible(found)) await markFeedChanged(em, scope.principal.organizationId);
      await enqueueSearchNotice(em, this.notices, found, wasVisible);
      await this.webhookEvents(em, scope.principal.organizationId, snapshot, found);
      return found;
    });
    await this.changed(scope.principal.organizationId);
    return posting;
  }

  async delete(scope: Scope, id: string): Promise<boolean> {
    await scope.em.transactional(async (em) => {
      const found = await this.lockedForWrite(em, id);
      if ((await this.applicationCount(em, found.id)) > 0) {
        throw new ConflictError('This posting has applications and cannot be deleted; close it instead (setPostingState CLOSED)');
      }
      recordAudit(em, scope.principal.organizationId, scope.principal, scope.meta, {
        action: 'posting.deleted',
        targetType: 'Posting',
        targetId: found.id,
        changes: { title: found.title, state: found.state },
        posting: tiedTo(found),
      });
      const wasVisible = isPubliclyVisible(found);
      if (wasVisible) await markFeedChanged(em, scope.principal.organizationId);
      await enqueueSearchNotice(em, this.notices, found, wasVisible, false);
      await this.webhookEvents(em, scope.principal.organizationId, { ...found }, null);
      em.remove(found);
    });
    await this.changed(scope.principal.organizationId);
    return true;
  }

  /** The posting, row-locked for the rest of the transaction; invisible ones (other tenant, confidential) are not found. */
  private async lockedForWrite(em: Scope['em'], id: string): Promise<Posting> {
    const found = isUuid(id) ? await em.findOne(Posting, { id: id.toLowerCase() }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
    if (!found) throw new NotFoundError('Posting', id);
    return found;
  }

  private applicationCount(em: Scope['em'], postingId: string): Promise<number> {
    return this.applications.countForPosting(em, postingId);
  }
}

const tiedTo = (posting: Posting) => ({ id: posting.id, confidential: posting.confidential });

/**
 * The feed's validators come from visible postings only, so a posting leaving the
 * public set (deleted, closed, made confidential, given a past expiry) would not move
 * them: the organization's `feedChangedAt` records that it did.
 */
async function markFeedChanged(em: Scope['em'], organizationId: string): Promise<void> {
  await feedChanged(em, organizationId);
}

async function markFeedChangedIfLeft(em: Scope['em'], organizationId: string, before: Posting, after: Posting): Promise<void> {
  if (isPubliclyVisible(before) && !isPubliclyVisible(after)) await markFeedChanged(em, organizationId);
}

/** Audit rows keep the fact that HTML changed, not 100 KB of it twice. */
function summarizeHtml(changes: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes)) {
    out[key] = key.endsWith('Html') ? { changed: true } : value;
  }
  return out;
}
