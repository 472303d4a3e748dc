import type { MikroORM } from '@mikro-orm/postgresql';
import type { RequestMeta } from '../../auth/principal';
import { UnauthenticatedError } from '../../errors';
import { setTenant, systemFork } from '../../db/request-scope';
import { recordAudit } from '../audit';
import { organizationBySlug } from '../organizations';
import type { LoginThrottle } from './login-throttle';
import { DUMMY_PASSWORD_HASH, verifyPassword } from './password';
import type { SessionService } from './session.service';
import { User } from './user.entity';
import { normalizeEmail } from './user-validation';

// One message for unknown organization, unknown email, wrong password and inactive
// user, so that nothing about who is registered can be learned from the answer.
const INVALID_LOGIN = 'Invalid email or password';

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: User;
}

export class LoginService {
  constructor(
    private readonly orm: MikroORM,
    private readonly throttle: LoginThrottle,
    private readonly sessions: SessionService,
    /** Called once per password verification (counted in /metrics). */
    private readonly onPasswordCheck: () => void = () => undefined,
  ) {}

  async login(slug: string, rawEmail: string, password: string, meta: RequestMeta): Promise<LoginResult> {
    const email = normalizeEmail(rawEmail);
    // Reserved before any password is verified, so parallel guesses cannot all slip past the limit.
    const attempt = await this.throttle.reserve(slug, email, meta.ip);
    const em = systemFork(this.orm);
    const organization = await organizationBySlug(em, slug);
    let user: User | null = null;
    if (organization) {
      setTenant(em, organization.id);
      user = await em.findOne(User, { email }, { populate: ['passwordHash'] });
    }
    // Always run scrypt, even for unknown users, so timing does not reveal them either.
    this.onPasswordCheck();
    const passwordOk = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
    if (!organization || !user || !user.active || !passwordOk) {
      throw new UnauthenticatedError(INVALID_LOGIN);
    }
    await attempt.succeeded();
    const { token, session } = this.sessions.start(em, user, meta);
    recordAudit(em, organization.id, null, meta, {
      action: 'session.created',
      targetType: 'User',
      targetId: user.id,
      changes: { sessionId: session.id },
    });
    await em.flush();
    return { token, expiresAt: session.expiresAt, user };
  }
}
