import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import type { Scope } from '../../auth/scope';
import type { DomainEventBus } from '../../events';
import { ConflictError } from '../../errors';
import { diff, recordAudit } from '../audit';
import type { UpdateOrganizationSettingsInput } from './organization.inputs';
import { Organization, type Plan } from './organization.entity';
import type { OrganizationSettings } from './organization-settings';
import { normalizeOrigin } from '../../http/origin';
import { validateSettings } from './settings-validation';
import { EeoQuestion } from '../eeo/categories.api';

const SETTINGS_KEYS: (keyof OrganizationSettings)[] = [
  'lockCredentialPermissions',
  'maxCredentialLifetimeDays',
  'feedEnabled',
  'careersSiteUrl',
  'allowedOrigins',
  'leverApiEnabled',
  'greenhouseApiEnabled',
  'careersPageEnabled',
  'intro',
  'linkedinFeedEnabled',
  'linkedinCompanyId',
  'submitHostedPages',
  'applicationRetentionDays',
  'consentedRetentionDays',
  'eeoQuestions',
];

export class OrganizationService {
  constructor(private readonly events: DomainEventBus) {}

  async updateSettings(scope: Scope, input: UpdateOrganizationSettingsInput): Promise<Organization> {
    const organization = await scope.em.transactional(async (em) => {
      const org = await em.findOneOrFail(Organization, { id: scope.principal.organizationId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      validateSettings(input, org.settings);
      const before = { ...org.settings };
      const s = org.settings;
      if (input.lockCredentialPermissions != null) s.lockCredentialPermissions = input.lockCredentialPermissions;
      if (input.maxCredentialLifetimeDays != null) s.maxCredentialLifetimeDays = input.maxCredentialLifetimeDays;
      if (input.clearMaxCredentialLifetime) s.maxCredentialLifetimeDays = null;
      if (input.feedEnabled != null) s.feedEnabled = input.feedEnabled;
      if (input.careersSiteUrl != null) s.careersSiteUrl = input.careersSiteUrl || null;
      // Stored as browsers send them (validated above), so `HTTPS://X.com:443` and `https://x.com` are one entry.
      if (input.allowedOrigins != null) s.allowedOrigins = [...new Set(input.allowedOrigins.map((origin) => normalizeOrigin(origin)!))];
      if (input.leverApiEnabled != null) s.leverApiEnabled = input.leverApiEnabled;
      if (input.greenhouseApiEnabled != null) s.greenhouseApiEnabled = input.greenhouseApiEnabled;
      if (input.careersPageEnabled != null) s.careersPageEnabled = input.careersPageEnabled;
      if (input.intro != null) s.intro = input.intro.trim() || null;
      if (input.linkedinFeedEnabled != null) s.linkedinFeedEnabled = input.linkedinFeedEnabled;
      if (input.linkedinCompanyId != null) s.linkedinCompanyId = input.linkedinCompanyId || null;
      if (input.submitHostedPages != null) s.submitHostedPages = input.submitHostedPages;
      if (input.applicationRetentionDays != null) s.applicationRetentionDays = input.applicationRetentionDays;
      if (input.consentedRetentionDays != null) s.consentedRetentionDays = input.consentedRetentionDays;
      if (input.clearApplicationRetention) {
        s.applicationRetentionDays = null;
        s.consentedRetentionDays = null;
      }
      // In the catalog's order, once each, so the diff and the form do not depend on how they were sent.
      if (input.eeoQuestions != null) s.eeoQuestions = Object.values(EeoQuestion).filter((q) => input.eeoQuestions!.includes(q));
      const changes = diff(before, { ...s }, SETTINGS_KEYS);
      if (Object.keys(changes).length) {
        org.settingsVersion += 1;
        // Settings are part of the feed (publisher url, switch): Last-Modified must move too.
        org.feedChangedAt = new Date();
        recordAudit(em, org.id, scope.principal, scope.meta, {
          action: 'organization.settings_updated',
          targetType: 'Organization',
          targetId: org.id,
          changes,
        });
      }
      return org;
    });
    await this.events.emit('settings.changed', { organizationId: organization.id });
    return organization;
  }
}

/**
 * Records, in the caller's transaction, that a posting left the public set: the feed's
 * validators move (feed-validators.ts). The postings module calls it; the write is ours.
 */
export async function feedChanged(em: EntityManager, organizationId: string): Promise<void> {
  await em.nativeUpdate(Organization, { id: organizationId }, { feedChangedAt: new Date() });
}

/** A new organization, in the caller's transaction (signing up adds its first Super Admin); CONFLICT when the slug is taken. */
export async function newOrganization(em: EntityManager, input: { slug: string; name: string; plan: Plan }): Promise<Organization> {
  if (await em.count(Organization, { slug: input.slug })) throw new ConflictError(`slug "${input.slug}" is already taken`);
  return em.create(Organization, { slug: input.slug, name: input.name, plan: input.plan });
}
