import type { FilterQuery } from '@mikro-orm/core';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import type { Scope } from '../../auth/scope';
import { BadInputError, NotFoundError } from '../../errors';
import { paginate, type Page, type PageRequest } from '../../db/paginate';
import { assertUuid, isUuid } from '../../ids';
import { recordAudit } from '../audit';
import { ApplicationStatus } from './application-enums';
import { Application } from './application.entity';
import type { ApplicationFilter } from './application.inputs';
import { escapeLike } from '../../db/escape-like';

const MAX_REASON = 500;

/**
 * Reviewing applications on the admin API: list, read, archive, reactivate. (New
 * applications come in through ApplicationIntakeService.) Reads and writes go
 * through the request fork, so the tenant and confidential filters decide what
 * exists for the caller.
 */
export class ApplicationReviewService {
  list(scope: Scope, filter: ApplicationFilter | null | undefined, page: PageRequest): Promise<Page<Application>> {
    const and: FilterQuery<Application>[] = [];
    if (filter?.postingId) and.push({ posting: assertUuid('filter.postingId', filter.postingId) });
    if (filter?.status) and.push({ status: filter.status });
    const search = filter?.search?.trim();
    if (search) {
      const pattern = `%${escapeLike(search)}%`;
      and.push({ $or: [{ name: { $ilike: pattern } }, { email: { $ilike: pattern } }] });
    }
    return paginate(scope.em, Application, and.length ? { $and: and } : {}, page, { createdAt: 'desc', id: 'desc' });
  }

  /** Not found covers other organizations and, for those who may not see them, confidential applications. */
  async get(scope: Scope, id: string): Promise<Application> {
    const application = isUuid(id) ? await scope.em.findOne(Application, { id: id.toLowerCase() }) : null;
    if (!application) throw new NotFoundError('Application', id);
    return application;
  }

  /** Archiving an archived application updates its reason. */
  async archive(scope: Scope, id: string, reason: string): Promise<Application> {
    const trimmed = reason?.trim() ?? '';
    if (!trimmed) throw BadInputError.field('reason', 'is required');
    if (trimmed.length > MAX_REASON) throw BadInputError.field('reason', `must be at most ${MAX_REASON} characters`);
    return scope.em.transactional(async (em) => {
      const application = await this.locked(em, id);
      const before = { status: application.status, archiveReason: application.archiveReason };
      if (before.status === ApplicationStatus.ARCHIVED && before.archiveReason === trimmed) return application;
      application.status = ApplicationStatus.ARCHIVED;
      application.archiveReason = trimmed;
      application.archivedAt ??= new Date();
      recordAudit(em, scope.principal.organizationId, scope.principal, scope.meta, {
        action: 'application.archived',
        targetType: 'Application',
        targetId: application.id,
        changes: { status: { before: before.status, after: application.status }, archiveReason: { before: before.archiveReason, after: trimmed } },
        posting: await tiedPosting(application),
      });
      return application;
    });
  }

  /** Reactivating an active application changes nothing. */
  async reactivate(scope: Scope, id: string): Promise<Application> {
    return scope.em.transactional(async (em) => {
      const application = await this.locked(em, id);
      if (application.status === ApplicationStatus.ACTIVE) return application;
      const reason = application.archiveReason;
      application.status = ApplicationStatus.ACTIVE;
      application.archiveReason = null;
      application.archivedAt = null;
      recordAudit(em, scope.principal.organizationId, scope.principal, scope.meta, {
        action: 'application.reactivated',
        targetType: 'Application',
        targetId: application.id,
        changes: { status: { before: ApplicationStatus.ARCHIVED, after: ApplicationStatus.ACTIVE }, archiveReason: { before: reason, after: null } },
        posting: await tiedPosting(application),
      });
      return application;
    });
  }

  private async locked(em: EntityManager, id: string): Promise<Application> {
    const found = isUuid(id) ? await em.findOne(Application, { id: id.toLowerCase() }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
    if (!found) throw new NotFoundError('Application', id);
    return found;
  }
}

/** An application's events are confidential while it is, or while its posting is. */
export async function tiedPosting(application: Application): Promise<{ id: string; confidential: boolean }> {
  const posting = await application.posting.load();
  return { id: application.posting.id, confidential: application.confidential || (posting?.confidential ?? true) };
}
