import { UniqueConstraintViolationException, type EntityManager, type MikroORM } from '@mikro-orm/postgresql';
import { Role } from '../../auth/role';
import { setTenant, systemFork } from '../../db/request-scope';
import { BadInputError, ConflictError, type FieldProblem } from '../../errors';
import { recordAudit } from '../audit';
import { newOrganization, Plan, SLUG_PATTERN, type Organization } from '../organizations';
import { hashPassword } from './password';
import { User } from './user.entity';
import { checkEmail, checkName, checkPassword, normalizeEmail } from './user-validation';

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

/** The checks `createOrganization` runs; exported so start-up can reject a bad bootstrap organization before touching the database. */
export function validateNewOrganization(input: CreateOrganizationInput): void {
  const problems: FieldProblem[] = [];
  if (!SLUG_PATTERN.test(input.slug)) problems.push({ field: 'slug', message: 'must be 2-63 characters of a-z, 0-9 and -' });
  problems.push(...checkName('name', input.name));
  if (!Object.values(Plan).includes(input.plan)) problems.push({ field: 'plan', message: 'must be BASIC or FULL' });
  problems.push(...checkEmail('adminEmail', input.adminEmail));
  problems.push(...checkPassword('adminPassword', input.adminPassword));
  if (problems.length) throw new BadInputError(problems);
}

/**
 * Signing up: a new organization together with its first Super Admin. It lives with
 * the users (who already depend on the organization entity) so that `organizations/`
 * never imports `users/`: the organization module knows nothing of people.
 */
export class SignupService {
  private readonly createdHooks: OrganizationCreatedHook[] = [];

  constructor(private readonly orm: MikroORM) {}

  onOrganizationCreated(hook: OrganizationCreatedHook): void {
    this.createdHooks.push(hook);
  }

  /** Organization, Super Admin, hooks and audit event commit together or not at all. */
  async createOrganization(input: CreateOrganizationInput): Promise<CreatedOrganization> {
    validateNewOrganization(input);
    const em = systemFork(this.orm);
    try {
      return await em.transactional(async (tx) => {
        const organization = await newOrganization(tx, { slug: input.slug, name: input.name.trim(), plan: input.plan });
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
