import { LockMode } from '@mikro-orm/postgresql';
import type { Scope } from '../../auth/scope';
import type { DomainEventBus } from '../../events';
import { recordAudit } from '../audit';
import { claimLogo, type UploadService } from '../uploads';
import { Organization } from './organization.entity';

/**
 * The organization's logo on its career pages: a staged LOGO upload (a real PNG
 * under 500 KB, the same rule as key logos), claimed in the same transaction that
 * points the settings at it and records the audit event.
 */
export class OrganizationLogoService {
  constructor(
    private readonly uploads: UploadService,
    /** After commit: a settings change, so cached pages and API answers are dropped on every instance. */
    private readonly events: DomainEventBus,
  ) {}

  async set(scope: Scope, uploadId: string | null): Promise<Organization> {
    const organization = await scope.em.transactional(async (em) => {
      const org = await em.findOneOrFail(Organization, { id: scope.principal.organizationId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const before = org.settings.logoFileId ?? null;
      // A real PNG under 500 KB, the same rule as key logos (uploads' claimLogo).
      const after = uploadId ? await claimLogo(this.uploads, em, org.id, uploadId, 'uploadId') : null;
      if (before === after) return org;
      org.settings.logoFileId = after;
      org.settingsVersion += 1;
      recordAudit(em, org.id, scope.principal, scope.meta, {
        action: 'organization.logo_set',
        targetType: 'Organization',
        targetId: org.id,
        changes: { logoFileId: { before, after } },
      });
      return org;
    });
    await this.events.emit('settings.changed', { organizationId: organization.id });
    return organization;
  }
}
