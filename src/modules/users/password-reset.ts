import { randomBytes } from 'node:crypto';
import { LockMode, type MikroORM } from '@mikro-orm/postgresql';
import { BadInputError } from '../../errors';
import { tenantFork } from '../../db/request-scope';
import { recordAudit } from '../audit';
import { hashPassword } from './password';
import type { SessionService } from './session.service';
import { User } from './user.entity';
import { checkPassword, normalizeEmail } from './user-validation';

export interface PasswordReset {
  userId: string;
  /** Set only when the password was generated here, so the operator can pass it on once. */
  generatedPassword: string | null;
  sessionsRevoked: number;
}

/** 16 random bytes as base64url: 22 characters, well over the minimum length. */
export function generatePassword(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * The operator's way back in (the demo password is shown once): sets a user's
 * password, ends every session the user has, and records `user.password_reset`
 * by the system actor, all in one transaction. Only the operator CLI calls this,
 * because only someone with the database can.
 */
export async function resetPassword(
  orm: MikroORM,
  sessions: SessionService,
  organizationId: string,
  email: string,
  password: string | undefined,
): Promise<PasswordReset> {
  const chosen = password ?? generatePassword();
  const problems = checkPassword('--password', chosen);
  if (problems.length) throw new BadInputError(problems);
  const fork = tenantFork(orm, organizationId, true);
  const passwordHash = await hashPassword(chosen);
  return fork.transactional(async (tx) => {
    const user = await tx.findOne(User, { email: normalizeEmail(email) }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!user) throw BadInputError.field('--email', 'no user with this email in the organization');
    user.passwordHash = passwordHash;
    const sessionsRevoked = await sessions.endAllForUser(tx, user.id);
    recordAudit(tx, organizationId, null, null, {
      action: 'user.password_reset',
      targetType: 'User',
      targetId: user.id,
      changes: { via: 'cli', sessionsRevoked },
    });
    return { userId: user.id, generatedPassword: password === undefined ? chosen : null, sessionsRevoked };
  });
}
