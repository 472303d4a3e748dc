import { LockMode, UniqueConstraintViolationException, type EntityManager, type MikroORM } from '@mikro-orm/postgresql';
import { BadInputError, ConflictError, type FieldProblem } from '../../errors';
import { setTenant } from '../../db/request-scope';
import type { Scope } from '../../auth/scope';
import type { DomainEventBus } from '../../events';
import { diff, recordAudit } from '../audit/audit.service';
import { hashPassword } from '../users/password';
import { Role } from '../../auth/role';
import { User } from '../users/user.entity';
import { checkEmail, checkName, checkPassword, normalizeEmail } from '../users/user-validation';
import type { UpdateOrganizationSettingsInput } from './organization.inputs';
import { Organization, Plan, SLUG_PATTERN } from './organization.entity';
import type { OrganizationSettings } from './organization-settings';
import { validateSettings } from './settings-validation';

export interface CreateOrganizationInput {
  slug: string;
  name: string;
  plan: Plan;
  adminEmail: string;
  adminPassword: string;
  adminName?: string;
}

export interface CreatedOrganization {
  organization: Organization;
  admin: User;
}

/** Runs inside the creating transaction, e.g. to issue the organization's postings key. */
export type OrganizationCreatedHook = (em: EntityManager, organization: Organization) => Promise<void>;

/** The checks `create` runs; exported so start-up can reject a bad bootstrap organization before touching the database. */
export function validateNewOrganization(input: CreateOrganizationInput): void {
  const problems: FieldProblem[] = [];
  if (!SLUG_PATTERN.test(input.slug)) problems.push({ field: 'slug', message: 'must be 2-63 characters of a-z, 0-9 and -' });
  problems.push(...checkName('name', input.name));
  if (!Object.values(Plan).includes(input.plan)) problems.push({ field: 'plan', message: 'must be BASIC or FULL' });
  problems.push(...checkEmail('adminEmail', input.adminEmail));
  problems.push(...checkPassword('adminPassword', input.adminPassword));
  if (problems.length) throw new BadInputError(problems);
}

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
];

export class OrganizationService {
  private readonly createdHooks: OrganizationCreatedHook[] = [];

  constructor(
    private readonly orm: MikroORM,
    private readonly events: DomainEventBus,
  ) {}

  onCreated(hook: OrganizationCreatedHook): void {
    this.createdHooks.push(hook);
  }

  async updateSettings(scope: Scope, input: UpdateOrganizationSettingsInput): Promise<Organization> {
    validateSettings(input);
    const organization = await scope.em.transactional(async (em) => {
      const org = await em.findOneOrFail(Organization, { id: scope.principal.organizationId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const before = { ...org.settings };
      const s = org.settings;
      if (input.lockCredentialPermissions != null) s.lockCredentialPermissions = input.lockCredentialPermissions;
      if (input.maxCredentialLifetimeDays != null) s.maxCredentialLifetimeDays = input.maxCredentialLifetimeDays;
      if (input.clearMaxCredentialLifetime) s.maxCredentialLifetimeDays = null;
      if (input.feedEnabled != null) s.feedEnabled = input.feedEnabled;
      if (input.careersSiteUrl != null) s.careersSiteUrl = input.careersSiteUrl || null;
      if (input.allowedOrigins != null) s.allowedOrigins = [...new Set(input.allowedOrigins)];
      if (input.leverApiEnabled != null) s.leverApiEnabled = input.leverApiEnabled;
      if (input.greenhouseApiEnabled != null) s.greenhouseApiEnabled = input.greenhouseApiEnabled;
      if (input.careersPageEnabled != null) s.careersPageEnabled = input.careersPageEnabled;
      if (input.intro != null) s.intro = input.intro.trim() || null;
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

  /** Organization, Super Admin, hooks and audit event commit together or not at all. */
  async create(input: CreateOrganizationInput): Promise<CreatedOrganization> {
    validateNewOrganization(input);
    const em = this.orm.em.fork();
    try {
      return await em.transactional(async (tx) => {
        if (await tx.count(Organization, { slug: input.slug })) throw new ConflictError(`slug "${input.slug}" is already taken`);
        const organization = tx.create(Organization, { slug: input.slug, name: input.name.trim(), plan: input.plan });
        setTenant(tx, organization.id);
        const admin = tx.create(User, {
          organization,
          email: normalizeEmail(input.adminEmail),
          name: input.adminName?.trim() || 'Super Admin',
          role: Role.SUPER_ADMIN,
          passwordHash: await hashPassword(input.adminPassword),
        });
        recordAudit(tx, organization.id, null, null, {
          action: 'organization.created',
          targetType: 'Organization',
          targetId: organization.id,
          changes: { slug: input.slug, plan: input.plan, adminUserId: admin.id },
        });
        await tx.flush();
        for (const hook of this.createdHooks) await hook(tx, organization);
        return { organization, admin };
      });
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) throw new ConflictError(`slug "${input.slug}" is already taken`);
      throw err;
    }
  }
}
