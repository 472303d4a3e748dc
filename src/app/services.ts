import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { Authenticator } from '../auth/authenticator';
import { SECRET_PREFIXES } from '../auth/secret-format';
import type { Config } from '../config';
import { currentCatalog, type CatalogRef } from '../auth/credential-grants';
import { DomainEventBus } from '../events';
import { resolveMasterKey } from '../db/master-key';
import { PgNotifier } from '../db/pg-notifier';
import { CommitHooks } from '../db/after-commit';
import { pgPublisher } from '../db/notify.repository';
import { Metrics } from '../http/metrics';
import { ApplicationIntakeService } from '../modules/applications/application-intake.service';
import { ApplicationReviewService } from '../modules/applications/application-review.service';
import { ApplyRateLimiter } from '../modules/applications/apply-rate-limiter';
import { ApplyService } from '../modules/applications/apply.service';
import { credentialLogoSetter } from '../modules/credentials/credential-logo';
import { CredentialService } from '../modules/credentials/credential.service';
import { CredentialVerifier, principalOrThrow } from '../auth/credential-verifier';
import { KeyRepository } from '../modules/credentials/key.repository';
import { KeyRateLimiter } from '../auth/key-rate-limiter';
import { UsageRecorder } from '../auth/usage-recorder';
import { OperationUsage } from '../auth/operation-usage';
import { ConfidentialReadCounter } from '../modules/credentials/confidential-read-counter';
import { CredentialUsageRepository } from '../modules/credentials/credential-usage.repository';
import { CredentialUsageService, USAGE_RETENTION_DAYS } from '../modules/credentials/credential-usage.service';
import { PublicResponseCache } from '../modules/public-cache/response-cache';
import { OrganizationService } from '../modules/organizations/organization.service';
import { PostingService } from '../modules/postings/posting.service';
import { defineIndexNowTask, indexNowKey, indexNowTarget } from '../modules/distribution/indexnow';
import { GOOGLE_INDEXING_ROUTE, GoogleIndexing, loadServiceAccountKey, serviceAccountTokens } from '../modules/distribution/google';
import { NoticeMetrics, NoticeRecorder } from '../modules/distribution/notices';
import { SEARCH_NOTICE_TASK, SearchNoticePump, type SearchNoticeRoute } from '../modules/postings';
import { LoginService } from '../modules/users/login.service';
import { LoginThrottle } from '../modules/users/login-throttle';
import { SessionService } from '../modules/users/session.service';
import { SessionRepository } from '../modules/users/session.repository';
import { UserService } from '../modules/users/user.service';
import { createFileStore } from '../modules/uploads/create-file-store';
import { SignupService } from '../modules/users/signup.service';
import { UploadService } from '../modules/uploads/upload.service';
import { UploadRateLimiter } from '../modules/uploads/upload-rate-limiter';
import { OrganizationLogoService } from '../modules/organizations/organization-logo.service';
import { JobQueue } from '../db/job-queue';
import { Housekeeping } from '../modules/housekeeping/housekeeping';
import { PostingExpirySweep } from '../modules/postings/posting-expiry-sweep';
import { purgeAuditEvents } from '../modules/audit';
import { registerWebhookTasks, WebhookDelivery, WebhookDueSignal, WebhookMetrics, WebhookPump, WebhookSender, WebhookService } from '../modules/webhooks';
import { EeoService } from '../modules/eeo';
import { ApplicationEraser, CandidateDataService, EmailHasher, PrivacyNoticeService, RetentionSweep } from '../modules/data-rights';

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
  /** A new organization with its first Super Admin (CLI, bootstrap, tests). */
  signup: SignupService;
  /** API credential lifecycle (postings key, data keys). */
  credentials: CredentialService;
  /** Verifies jgk_/jgp_ secrets: LRU cache evicted on every instance by LISTEN/NOTIFY. */
  credentialVerifier: CredentialVerifier;
  /** Batched lastUsedAt/useCount writes. */
  credentialUsage: UsageRecorder;
  /** Per-key, per-operation allowed/refused/confidential-read counters, batched like credentialUsage. */
  operationUsage: OperationUsage;
  /** What each key uses, the impact of a permission change, narrowing (least privilege from usage). */
  keyUsage: CredentialUsageService;
  postings: PostingService;
  /** Staged uploads, stored files and signed download links. */
  uploads: UploadService;
  /** The one apply use case: every application comes in here (applyToPosting, the hosted form, Lever, Greenhouse, the admin import). */
  applicationIntake: ApplyService;
  /** Applications on the admin API: list, read, archive, reactivate. */
  applicationReview: ApplicationReviewService;
  /** AES-256-GCM key that encrypts the postings key at rest. */
  masterKey: Buffer;
  /** The instance's LISTEN connection: subscribe to hear about changes made on any instance. */
  notifier: PgNotifier;
  /** Cached public API responses, invalidated on every instance by postings and settings writes. */
  publicCache: PublicResponseCache;
  /** The hosted career pages' organization logo. */
  organizationLogos: OrganizationLogoService;
  /** Periodic deletes: stale uploads and orphaned content, expired sessions, old audit events. */
  housekeeping: Housekeeping;
  postingExpirySweep: PostingExpirySweep;
  /** Erases applications past their organization's retention period (hourly queue task). */
  retentionSweep: RetentionSweep;
  /** A candidate's erasure and export by e-mail, and legal holds. */
  candidateData: CandidateDataService;
  /** Versioned privacy notices (publish, current, list). */
  privacyNotices: PrivacyNoticeService;
  eeo: EeoService;
  jobs: JobQueue;
  /** Search-engine notices: IndexNow's key served at keyLocation, and Google's notices (each null when off). */
  searchNotices: { indexNowKey: string | null; google: GoogleIndexing | null; pump: SearchNoticePump };
  /** Webhook endpoints, and `enqueueFor`: events written in the same transaction as their change. */
  webhooks: WebhookService;
  /** One batch of webhook delivery attempts (run by the queue's webhook-deliver task). */
  webhookDelivery: WebhookDelivery;
  /** Hands due webhook messages to the job queue in batches. */
  webhookPump: WebhookPump;
  /** After-commit domain events of this instance (credential, postings and settings changes). */
  events: DomainEventBus;
  /** The catalog grants are computed against; tests swap `current` to simulate a later catalog. */
  catalog: CatalogRef;
  /** Stops timers and listeners started by the services. */
  close(): Promise<void>;
}

export interface ServiceOptions {
  /** The embedded data directory, where a master key is generated when none is configured. */
  embeddedDataDir: string | null;
  /** The wall clock of date-bound rules (Google's daily quota); tests move it on. */
  clock?: () => Date;
}

export async function createServices(config: Config, orm: MikroORM, logger: Logger, options: ServiceOptions = { embeddedDataDir: null }): Promise<Services> {
  const masterKey = await resolveMasterKey(config.secretKey, options.embeddedDataDir);
  const metrics = new Metrics();
  const sessions = new SessionService(new SessionRepository(orm));
  const knex = orm.em.getConnection().getKnex();
  const throttle = new LoginThrottle(knex, { perAccount: 10, perIp: config.loginMaxFailuresPerIp });
  const authenticator = new Authenticator().register(SECRET_PREFIXES.session, (secret) => sessions.verify(secret));
  const closers: (() => Promise<void>)[] = [];
  const notifier = new PgNotifier(String(orm.config.get('clientUrl')), logger);
  closers.push(() => notifier.close());
  const publicCache = new PublicResponseCache(config.publicCacheBytes, config.publicCacheTtlMs, notifier, pgPublisher(orm));
  await publicCache.start();
  const events = new DomainEventBus(logger);
  const jobs = new JobQueue(String(orm.config.get('clientUrl')), logger, config.jobs);
  const catalog: CatalogRef = { current: currentCatalog };
  const webhooksDue = new WebhookDueSignal(notifier, logger);
  const webhooks = new WebhookService({ masterKey, allowPrivateNetworks: config.webhooks.allowPrivateNetworks, onDue: () => webhooksDue.send(), commitHooks: CommitHooks.install(orm) });
  // Voluntary self-identification: written with the application, read only as the report.
  const eeo = new EeoService();
  const webhookSender = new WebhookSender(config.webhooks.allowPrivateNetworks);
  closers.push(async () => webhookSender.close());
  const webhookMetrics = new WebhookMetrics(metrics.registry, orm);
  // The due signal wakes it for new messages; it sleeps until the next retry is due (no idle polling).
  // 50 ms between rounds under a stream of changes: measured against 25 and 100 ms (scripts/bench/webhooks.ts),
  // it keeps p50 commit → attempt near 25 ms and cuts the delivery CPU a stream of updates costs by a third.
  const webhookPump = new WebhookPump(orm, jobs, webhooksDue, logger, { batchSize: 50, perRound: 500, gapMs: 50 });
  const webhookDelivery = new WebhookDelivery(orm, webhookSender, logger, {
    masterKey,
    retryScheduleSeconds: config.webhooks.retryScheduleSeconds,
    catalog,
    onOutcome: (outcome) => webhookMetrics.record(outcome),
    onDue: () => webhooksDue.send(),
    onRetry: (at) => webhookPump.wakeAt(at),
  });
  registerWebhookTasks(jobs, orm, webhooks, webhookDelivery);
  const organizations = new OrganizationService(events);
  const signup = new SignupService(orm);
  const keys = new KeyRepository(orm);
  const credentialUsage = new UsageRecorder(keys, logger, config.usageFlushIntervalMs);
  closers.push(() => credentialUsage.close());
  const usageRepository = new CredentialUsageRepository(orm);
  const operationUsage = new OperationUsage(usageRepository, logger, config.usageFlushIntervalMs);
  closers.push(() => operationUsage.close());
  orm.em.getEventManager().registerSubscriber(new ConfidentialReadCounter(operationUsage));
  const credentialVerifier = new CredentialVerifier(keys, notifier, new KeyRateLimiter(config.rateLimitStore, knex), credentialUsage, {
    cacheTtlMs: config.credentialCacheTtlMs,
    catalog,
  });
  await credentialVerifier.start();
  authenticator
    .register(SECRET_PREFIXES.dataKey, async (secret, meta) => principalOrThrow(await credentialVerifier.verifyKey({ secret, meta, expectedPrefix: SECRET_PREFIXES.dataKey })))
    .register(SECRET_PREFIXES.postingsKey, async (secret, meta) => principalOrThrow(await credentialVerifier.verifyKey({ secret, meta, expectedPrefix: SECRET_PREFIXES.postingsKey })));
  const fileStore = createFileStore(config.fileStore.kind, config.fileStore, orm.em.getKnex());
  closers.push(async () => fileStore.close?.());
  const uploads = new UploadService(orm, fileStore, logger, {
    publicUrl: config.publicUrl,
    masterKey,
    orphanGraceMs: config.fileStore.orphanGraceMs,
    rateLimiter: new UploadRateLimiter({
      store: config.rateLimitStore,
      knex,
      perKeyPerMinute: config.uploadRatePerMinutePerKey,
      perIpPerMinute: config.uploadRatePerMinutePerIp,
    }),
    maxUnclaimedBytesPerOrg: config.unclaimedUploadBytesPerOrg,
    maxUnclaimedBytesPerIp: config.unclaimedUploadBytesPerIp,
    maxUnclaimedBytesPerPosting: config.unclaimedUploadBytesPerPosting,
  });
  const credentials = new CredentialService(orm, masterKey, events, catalog, credentialLogoSetter(uploads), webhooks);
  signup.onOrganizationCreated((em, organization) => credentials.issuePostingsKey(em, organization));
  await credentials.backfillPostingsKeys();
  const clock = options.clock ?? (() => new Date());
  const noticeRecorder = new NoticeRecorder(orm, new NoticeMetrics(metrics.registry), logger);
  const noticeRoutes: SearchNoticeRoute[] = [];
  const searchNotices: Omit<Services['searchNotices'], 'pump'> = { indexNowKey: null, google: null };
  if (config.indexNowEndpoint) {
    searchNotices.indexNowKey = indexNowKey(config.indexNowKey, masterKey);
    defineIndexNowTask(jobs, indexNowTarget(config.indexNowEndpoint, config.publicUrl, searchNotices.indexNowKey), logger, noticeRecorder);
    noticeRoutes.push({ task: SEARCH_NOTICE_TASK });
  }
  if (config.googleIndexing.credentialsPath) {
    const tokens = serviceAccountTokens(loadServiceAccountKey(config.googleIndexing.credentialsPath));
    const google = new GoogleIndexing(orm, jobs, tokens, noticeRecorder, logger, { endpoint: config.googleIndexing.endpoint, dailyQuota: config.googleIndexing.dailyQuota, clock });
    google.define();
    // Hourly: what yesterday's quota could not take goes out soon after the quota day turns.
    jobs.every('5 * * * *', 'google-indexing-drain', () => google.requestDrain());
    searchNotices.google = google;
    noticeRoutes.push(GOOGLE_INDEXING_ROUTE);
  }
  const noticeSink = { jobs, publicUrl: config.publicUrl, routes: noticeRoutes };
  // Notices wait in the outbox at most a second (less when the worker polls faster, as in tests).
  const noticePump = new SearchNoticePump(orm, noticeSink, logger, Math.min(1000, config.jobs.pollIntervalMs));
  const postings = new PostingService(orm, events, webhooks, config.publicUrl, noticeSink);
  // After commit: evict the key here and NOTIFY every instance; drop cached public answers everywhere.
  events.on('credential.changed', ({ credentialId }) => credentialVerifier.announce(credentialId));
  events.on('postings.changed', ({ organizationId }) => publicCache.invalidate(organizationId));
  events.on('settings.changed', ({ organizationId }) => publicCache.invalidate(organizationId));
  const organizationLogos = new OrganizationLogoService(uploads, events);
  // Each table's retention delete is its owner's (users' sessions, the audit log, key usage); housekeeping only calls them.
  const retention = {
    deleteExpiredSessions: (batch: number) => sessions.deleteExpired(batch),
    deleteAuditEventsOlderThan: (days: number, batch: number) => purgeAuditEvents(orm, days, batch),
  };
  const housekeeping = new Housekeeping(uploads, retention, logger, {
    auditRetentionDays: config.auditRetentionDays,
    credentialUsage: { days: USAGE_RETENTION_DAYS, deleteOlderThan: (days, batch) => usageRepository.deleteOlderThan(days, batch) },
  });
  // Hourly, matching UploadService.purgeIntervalMs, which the unclaimed-upload quota's Retry-After counts on.
  jobs.every('0 * * * *', 'housekeeping', async () => void (await housekeeping.runOnce()));
  // Once a minute: the read corrects for postings expired since, so this only bounds that correction's size.
  const postingExpirySweep = new PostingExpirySweep(orm, webhooks, config.publicUrl, noticeSink);
  jobs.every('* * * * *', 'posting-expiry-sweep', async () => void (await postingExpirySweep.runOnce()));
  const eraser = new ApplicationEraser(uploads);
  const retentionSweep = new RetentionSweep(orm, eraser, logger);
  // Hourly, at half past: retention is counted in days, so an hour late is well within the promise.
  jobs.every('30 * * * *', 'application-retention', async () => void (await retentionSweep.runOnce()));
  // Every task is defined above this line: the worker learns its task list when it starts.
  // Stopped first on close (closers run in reverse), so no job runs on a closed store or pool.
  await jobs.start();
  closers.push(() => jobs.stop());
  noticePump.start();
  closers.push(() => noticePump.stop());
  // An instance that runs no worker leaves batching to those that do.
  if (config.jobs.runWorker) {
    await webhookPump.start();
    closers.push(() => webhookPump.stop());
  }
  return {
    config,
    orm,
    logger,
    metrics,
    authenticator,
    sessions,
    login: new LoginService(orm, throttle, sessions, () => metrics.passwordChecks.inc()),
    users: new UserService(sessions),
    organizations,
    signup,
    credentials,
    credentialVerifier,
    credentialUsage,
    operationUsage,
    keyUsage: new CredentialUsageService(usageRepository, operationUsage, credentials, events),
    postings,
    uploads,
    eeo,
    applicationIntake: new ApplyService(
      new ApplicationIntakeService(uploads, webhooks, eeo),
      uploads,
      new ApplyRateLimiter({ store: config.rateLimitStore, knex, perSecond: config.applyRatePerSecond }),
      events,
    ),
    applicationReview: new ApplicationReviewService(),
    masterKey,
    notifier,
    publicCache,
    housekeeping,
    postingExpirySweep,
    searchNotices: { ...searchNotices, pump: noticePump },
    retentionSweep,
    candidateData: new CandidateDataService(eraser, uploads, new EmailHasher(masterKey)),
    privacyNotices: new PrivacyNoticeService(events),
    jobs,
    webhooks,
    webhookDelivery,
    webhookPump,
    organizationLogos,
    events,
    catalog,
    async close() {
      for (const close of closers.reverse()) await close();
    },
  };
}
