import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import type { Scope } from '../../auth/scope';
import { BadInputError, type FieldProblem } from '../../errors';
import type { DomainEventBus } from '../../events';
import { recordAudit } from '../audit';
import { Organization } from '../organizations/entities.api';
import { PrivacyNotice } from './privacy-notice.entity';

export const MAX_NOTICE_TEXT = 20_000;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && value.length <= 2048;
  } catch {
    return false;
  }
}

/** Versioned privacy notices: publishing adds the next version; the highest is what candidates are shown and accept. */
export class PrivacyNoticeService {
  constructor(private readonly events: DomainEventBus) {}

  async publish(scope: Scope, input: { text: string; url?: string | null }): Promise<PrivacyNotice> {
    const text = input.text?.trim() ?? '';
    const url = input.url?.trim() || null;
    const problems: FieldProblem[] = [];
    if (!text) problems.push({ field: 'text', message: 'is required' });
    else if (text.length > MAX_NOTICE_TEXT) problems.push({ field: 'text', message: `must be at most ${MAX_NOTICE_TEXT} characters` });
    if (url && !isHttpUrl(url)) problems.push({ field: 'url', message: 'must be an http(s) URL' });
    if (problems.length) throw new BadInputError(problems);
    const organizationId = scope.principal.organizationId;
    const notice = await scope.em.transactional(async (em) => {
      // Publishers of one organization take turns, so versions are 1, 2, 3 … without gaps.
      await em.findOneOrFail(Organization, { id: organizationId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const version = ((await this.current(em, organizationId))?.version ?? 0) + 1;
      const created = em.create(PrivacyNotice, { organization: organizationId, version, text, url });
      recordAudit(em, organizationId, scope.principal, scope.meta, {
        action: 'privacy_notice.published',
        targetType: 'PrivacyNotice',
        targetId: created.id,
        changes: { version, url },
      });
      return created;
    });
    // The public API and the hosted form show the current notice: cached answers must go.
    await this.events.emit('settings.changed', { organizationId });
    return notice;
  }

  /**
   * The current (highest) version, or null when none was published. The organization is
   * named explicitly, so any fork will do (the hosted form's carries no tenant scope).
   */
  current(em: EntityManager, organizationId: string): Promise<PrivacyNotice | null> {
    return em.findOne(PrivacyNotice, { organization: organizationId }, { orderBy: { version: 'desc' }, filters: false });
  }

  /** Every version, newest first. */
  list(em: EntityManager, organizationId: string): Promise<PrivacyNotice[]> {
    return em.find(PrivacyNotice, { organization: organizationId }, { orderBy: { version: 'desc' } });
  }
}
