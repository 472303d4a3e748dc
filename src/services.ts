import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { Authenticator } from './auth/authenticator';
import { SECRET_PREFIXES } from './auth/secret-format';
import type { Config } from './config';
import { resolveMasterKey } from './db/master-key';
import { PgNotifier } from './db/pg-notifier';
import { Metrics } from './http/metrics';
import { PublicResponseCache } from './modules/public-cache/response-cache';
import { OrganizationService } from './modules/organizations/organization.service';
import { LoginService } from './modules/users/login.service';
import { LoginThrottle } from './modules/users/login-throttle';
import { SessionService } from './modules/users/session.service';
import { UserService } from './modules/users/user.service';

/**
 * Everything one running instance shares between requests, built once at start.
 * There are no module-level singletons: tests build several of these side by side.
 */
export interface Services {
  config: Config;
  orm: MikroORM;
  logger: Logger;
  metrics: Metrics;
  authenticator: Authenticator;
  sessions: SessionService;
  login: LoginService;
  users: UserService;
  organizations: OrganizationService;
  /** AES-256-GCM key that encrypts the postings key at rest. */
  masterKey: Buffer;
  /** The instance's LISTEN connection: subscribe to hear about changes made on any instance. */
  notifier: PgNotifier;
  /** Cached public API responses, invalidated on every instance by postings and settings writes. */
  publicCache: PublicResponseCache;
  /** Stops timers and listeners started by the services. */
  close(): Promise<void>;
}

export interface ServiceOptions {
  /** The embedded data directory, where a master key is generated when none is configured. */
  embeddedDataDir: string | null;
}

export async function createServices(config: Config, orm: MikroORM, logger: Logger, options: ServiceOptions = { embeddedDataDir: null }): Promise<Services> {
  const masterKey = await resolveMasterKey(config.secretKey, options.embeddedDataDir);
  const sessions = new SessionService(orm);
  const knex = orm.em.getConnection().getKnex();
  const throttle = new LoginThrottle(knex, { perAccount: 10, perIp: config.loginMaxFailuresPerIp });
  const authenticator = new Authenticator().register(SECRET_PREFIXES.session, (secret) => sessions.verify(secret));
  const closers: (() => Promise<void>)[] = [];
  const notifier = new PgNotifier(String(orm.config.get('clientUrl')), logger);
  closers.push(() => notifier.close());
  const execute = (sql: string, params: unknown[]) => orm.em.getConnection().execute(sql, params);
  const publicCache = new PublicResponseCache(config.publicCacheBytes, config.publicCacheTtlMs, notifier, execute);
  await publicCache.start();
  const organizations = new OrganizationService(orm);
  organizations.onSettingsChanged((organizationId) => publicCache.invalidate(organizationId));
  return {
    config,
    orm,
    logger,
    metrics: new Metrics(),
    authenticator,
    sessions,
    login: new LoginService(orm, throttle, sessions),
    users: new UserService(sessions),
    organizations,
    masterKey,
    notifier,
    publicCache,
    async close() {
      for (const close of closers.reverse()) await close();
    },
  };
}
