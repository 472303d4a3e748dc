import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { Authenticator } from '../auth/authenticator';
import { SECRET_PREFIXES } from '../auth/secret-format';
import type { Config } from '../config';
import { resolveMasterKey } from '../db/master-key';
import { PgNotifier } from '../db/pg-notifier';
import { Metrics } from '../http/metrics';
import { ApplicationService } from '../modules/applications/application.service';
import { ApplyRateLimiter } from '../modules/applications/apply-rate-limiter';
import { credentialLogoSetter } from '../modules/credentials/credential-logo';
import { CredentialService } from '../modules/credentials/credential.service';
import { CredentialVerifier } from '../auth/credential-verifier';
import { KeyRateLimiter } from '../auth/key-rate-limiter';
import { UsageRecorder } from '../auth/usage-recorder';
import { PublicResponseCache } from '../modules/public-cache/response-cache';
import { OrganizationService } from '../modules/organizations/organization.service';
import { PostingService } from '../modules/postings/posting.service';
import { LoginService } from '../modules/users/login.service';
import { LoginThrottle } from '../modules/users/login-throttle';
import { SessionService } from '../modules/users/session.service';
import { UserService } from '../modules/users/user.service';
import { PostgresFileStore } from '../modules/uploads/postgres-file-store';
import { UploadService } from '../modules/uploads/upload.service';

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
  /** API credential lifecycle (postings key, data keys). */
  credentials: CredentialService;
  /** Verifies jgk_/jgp_ secrets: LRU cache evicted on every instance by LISTEN/NOTIFY. */
  credentialVerifier: CredentialVerifier;
  /** Batched lastUsedAt/useCount writes. */
  credentialUsage: UsageRecorder;
  postings: PostingService;
  /** Staged uploads, stored files and signed download links. */
  uploads: UploadService;
  /** Applications: public applies (rate-limited, idempotent) and admin management. */
  applications: ApplicationService;
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
  const executeRows = (sql: string, params: unknown[]) => orm.em.getConnection().execute<unknown[]>(sql, params);
  const credentialUsage = new UsageRecorder(executeRows, logger, config.usageFlushIntervalMs);
  closers.push(() => credentialUsage.close());
  // The service announces changes through the verifier (evict here, NOTIFY everywhere); the verifier reads the service's catalog.
  const credentials: CredentialService = new CredentialService(orm, masterKey, (id) => credentialVerifier.announce(id));
  const credentialVerifier = new CredentialVerifier(executeRows, notifier, new KeyRateLimiter(config.rateLimitStore, knex), credentialUsage, {
    cacheTtlMs: config.credentialCacheTtlMs,
    catalog: () => credentials.catalog,
  });
  await credentialVerifier.start();
  authenticator
    .register(SECRET_PREFIXES.dataKey, (secret, meta) => credentialVerifier.verify(secret, meta, SECRET_PREFIXES.dataKey))
    .register(SECRET_PREFIXES.postingsKey, (secret, meta) => credentialVerifier.verify(secret, meta, SECRET_PREFIXES.postingsKey));
  organizations.onCreated((em, organization) => credentials.issuePostingsKey(em, organization));
  await credentials.backfillPostingsKeys();
  organizations.onSettingsChanged((organizationId) => publicCache.invalidate(organizationId));
  const postings = new PostingService(orm, logger);
  postings.onChanged((organizationId) => publicCache.invalidate(organizationId));
  const uploads = new UploadService(orm, new PostgresFileStore(orm.em.getKnex()), logger, { publicUrl: config.publicUrl, masterKey });
  uploads.startPurging();
  credentials.logoSetter = credentialLogoSetter(uploads);
  closers.push(async () => uploads.stopPurging());
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
    credentials,
    credentialVerifier,
    credentialUsage,
    postings,
    uploads,
    applications: new ApplicationService(uploads, new ApplyRateLimiter({ store: config.rateLimitStore, knex, perSecond: config.applyRatePerSecond })),
    masterKey,
    notifier,
    publicCache,
    async close() {
      for (const close of closers.reverse()) await close();
    },
  };
}
