import path from 'node:path';

/** Every setting the service reads, parsed once from the environment. */
export interface Config {
  host: string;
  port: number;
  /** Unset means: launch embedded PostgreSQL in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Base64 of 32 bytes; required when `databaseUrl` is set (embedded mode generates one). */
  secretKey: string | undefined;
  publicUrl: string;
  production: boolean;
  logLevel: string;
  trustProxy: boolean | string;
  demo: boolean;
  demoPassword: string | undefined;
  bootstrap: BootstrapConfig | undefined;
  /** `memory` (one instance) or `postgres` (limits shared by every instance). */
  rateLimitStore: 'memory' | 'postgres';
  applyRatePerSecond: number;
  /** Failed logins per client IP per 15 minutes (per account it is always 10). */
  loginMaxFailuresPerIp: number;
  credentialCacheTtlMs: number;
  usageFlushIntervalMs: number;
  shutdownTimeoutMs: number;
  /** Bytes of public API responses kept in memory; 0 disables the cache. */
  publicCacheBytes: number;
  /** The public API executes with graphql-jit (compiled per document) instead of graphql-js. */
  compiledExecution: boolean;
  /** The request of a public document on which it is compiled (1: the first); unset: the executor's COMPILE_AFTER. */
  compileAfter: number | undefined;
  /** Longest a cached public response lives; bounds staleness from postings that expire by time. */
  publicCacheTtlMs: number;
  /** `POST /uploads` per minute per credential or user; 0 = no limit. */
  uploadRatePerMinutePerKey: number;
  /** `POST /uploads` per minute per client IP; 0 = no limit. */
  uploadRatePerMinutePerIp: number;
  /** Bytes of staged, not yet claimed uploads one organization may hold; 0 = no cap. */
  unclaimedUploadBytesPerOrg: number;
  /** Of those, what anonymous-facing uploads (postings key, hosted form) may hold per client IP and per posting. */
  unclaimedUploadBytesPerIp: number;
  unclaimedUploadBytesPerPosting: number;
  /** Audit events older than this many days are deleted; 0 keeps them forever. */
  auditRetentionDays: number;
  fileStore: FileStoreConfig;
  jobs: JobsConfig;
  /** IndexNow's endpoint (e.g. https://api.indexnow.org/indexnow); unset = IndexNow is off. */
  indexNowEndpoint: string | undefined;
  /** IndexNow key; unset = derived from the master key (see distribution/indexnow/indexnow-key.ts). */
  indexNowKey: string | undefined;
  googleIndexing: GoogleIndexingConfig;
  webhooks: WebhooksConfig;
}

/** Google Indexing API notices (#22). */
export interface GoogleIndexingConfig {
  /** Path of the service account's JSON key (JOBGATE_GOOGLE_INDEXING_CREDENTIALS); unset = Google notices are off. */
  credentialsPath: string | undefined;
  /** The batch endpoint (JOBGATE_GOOGLE_INDEXING_ENDPOINT); tests point it at a local receiver. */
  endpoint: string;
  /** Publish calls a day (JOBGATE_GOOGLE_INDEXING_DAILY_QUOTA): Google's default quota is 200. */
  dailyQuota: number;
}

/** Webhook delivery (#21). */
export interface WebhooksConfig {
  /** Seconds before each retry after a failed attempt (JOBGATE_WEBHOOK_RETRY_SCHEDULE, a comma list); jittered. */
  retryScheduleSeconds: number[];
  /** true: http and private/loopback addresses are allowed (development and tests only). */
  allowPrivateNetworks: boolean;
}

/** Standard Webhooks' recommended schedule: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h. */
export const DEFAULT_WEBHOOK_RETRY_SCHEDULE = [5, 300, 1800, 7200, 18000, 36000, 50400, 72000, 86400];

function secondsList(env: Env, name: string, fallback: number[]): number[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const values = raw.split(',').map((part) => Number(part.trim()));
  if (values.some((v) => !Number.isFinite(v) || v < 0)) throw new Error(`${name} must be a comma list of non-negative seconds`);
  return values;
}

/** The job queue (graphile-worker on the same PostgreSQL). */
export interface JobsConfig {
  /** false: this instance enqueues jobs but runs none (another instance does). */
  runWorker: boolean;
  concurrency: number;
  /** Polling besides LISTEN/NOTIFY, which wakes the worker at once. */
  pollIntervalMs: number;
}

/** Where uploaded file bytes live (see README, Configuration). */
export interface FileStoreConfig {
  kind: 'fs' | 's3' | 'postgres';
  /** The `fs` store's directory: `JOBGATE_DATA_DIR/files`. */
  fsRoot: string;
  /** Objects with no metadata row are deleted once older than this. */
  orphanGraceMs: number;
  s3: S3Config | undefined;
}

export interface S3Config {
  bucket: string;
  endpoint: string | undefined;
  region: string;
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  forcePathStyle: boolean;
  prefix: string;
}

export interface BootstrapConfig {
  slug: string;
  name: string;
  plan: 'BASIC' | 'FULL';
  adminEmail: string;
  adminPassword: string;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new ConfigError(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function trustProxy(raw: string | undefined): boolean | string {
  if (!raw) return false;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  return raw; // a comma-separated list of proxy addresses/CIDRs, as Fastify accepts
}

function bootstrap(env: Env): BootstrapConfig | undefined {
  const slug = env.JOBGATE_BOOTSTRAP_ORG_SLUG;
  const adminEmail = env.JOBGATE_BOOTSTRAP_ADMIN_EMAIL;
  const adminPassword = env.JOBGATE_BOOTSTRAP_ADMIN_PASSWORD;
  if (!slug && !adminEmail && !adminPassword) return undefined;
  if (!slug || !adminEmail || !adminPassword) {
    throw new ConfigError(
      'JOBGATE_BOOTSTRAP_ORG_SLUG, JOBGATE_BOOTSTRAP_ADMIN_EMAIL and JOBGATE_BOOTSTRAP_ADMIN_PASSWORD must be set together',
    );
  }
  const plan = (env.JOBGATE_BOOTSTRAP_PLAN ?? 'FULL').toUpperCase();
  if (plan !== 'BASIC' && plan !== 'FULL') throw new ConfigError(`JOBGATE_BOOTSTRAP_PLAN must be BASIC or FULL, got "${plan}"`);
  return { slug, name: env.JOBGATE_BOOTSTRAP_ORG_NAME ?? slug, plan, adminEmail, adminPassword };
}

/** Checked here, before any database work: a bad key must not leave a half-started deployment behind. */
function secretKey(env: Env, databaseUrl: string | undefined): string | undefined {
  const raw = env.JOBGATE_SECRET_KEY || undefined;
  if (!raw && databaseUrl) throw new ConfigError('JOBGATE_SECRET_KEY is required when DATABASE_URL is set (generate one with: openssl rand -base64 32)');
  if (raw && Buffer.from(raw, 'base64').length !== 32) throw new ConfigError('JOBGATE_SECRET_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)');
  return raw;
}

function s3(env: Env): S3Config | undefined {
  const bucket = env.JOBGATE_S3_BUCKET || undefined;
  if (!bucket) return undefined;
  const accessKeyId = env.JOBGATE_S3_ACCESS_KEY_ID || undefined;
  const secretAccessKey = env.JOBGATE_S3_SECRET_ACCESS_KEY || undefined;
  if (!accessKeyId !== !secretAccessKey) throw new ConfigError('JOBGATE_S3_ACCESS_KEY_ID and JOBGATE_S3_SECRET_ACCESS_KEY must be set together');
  return {
    bucket,
    endpoint: env.JOBGATE_S3_ENDPOINT || undefined,
    region: env.JOBGATE_S3_REGION || 'us-east-1',
    accessKeyId,
    secretAccessKey,
    forcePathStyle: bool(env, 'JOBGATE_S3_FORCE_PATH_STYLE', false),
    prefix: env.JOBGATE_S3_PREFIX ?? '',
  };
}

/** `fs` by default in embedded mode; with DATABASE_URL, `postgres`, where existing deployments' files already are (move them with `files:migrate`). */
function fileStore(env: Env, databaseUrl: string | undefined, dataDir: string): FileStoreConfig {
  const kind = env.JOBGATE_FILE_STORE || (databaseUrl ? 'postgres' : 'fs');
  if (kind !== 'fs' && kind !== 's3' && kind !== 'postgres') throw new ConfigError(`JOBGATE_FILE_STORE must be fs, s3 or postgres, got "${kind}"`);
  const s3Config = s3(env);
  if (kind === 's3' && !s3Config) throw new ConfigError('JOBGATE_FILE_STORE=s3 needs JOBGATE_S3_BUCKET (and usually JOBGATE_S3_ENDPOINT, _REGION, _ACCESS_KEY_ID, _SECRET_ACCESS_KEY)');
  return {
    kind,
    fsRoot: path.join(dataDir, 'files'),
    orphanGraceMs: int(env, 'JOBGATE_FILE_ORPHAN_GRACE_SECONDS', 3600) * 1000,
    s3: s3Config,
  };
}

export function loadConfig(env: Env = process.env): Config {
  const port = int(env, 'PORT', 4000);
  const host = env.HOST ?? '127.0.0.1';
  const rateLimitStore = env.RATE_LIMIT_STORE ?? 'memory';
  if (rateLimitStore !== 'memory' && rateLimitStore !== 'postgres') {
    throw new ConfigError(`RATE_LIMIT_STORE must be memory or postgres, got "${rateLimitStore}"`);
  }
  const databaseUrl = env.DATABASE_URL || undefined;
  const dataDir = path.resolve(env.JOBGATE_DATA_DIR ?? '.data');
  return {
    host,
    port,
    databaseUrl,
    dataDir,
    secretKey: secretKey(env, databaseUrl),
    publicUrl: (env.JOBGATE_PUBLIC_URL ?? `http://${host}:${port}`).replace(/\/$/, ''),
    production: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: trustProxy(env.TRUST_PROXY),
    demo: bool(env, 'JOBGATE_DEMO', true),
    // Fixed demo password for scripted setups (browser tests, workshops); unset = a random one shown once.
    demoPassword: env.JOBGATE_DEMO_PASSWORD || undefined,
    bootstrap: bootstrap(env),
    rateLimitStore,
    applyRatePerSecond: int(env, 'JOBGATE_APPLY_RATE_PER_SECOND', 2),
    loginMaxFailuresPerIp: int(env, 'JOBGATE_LOGIN_MAX_FAILURES_PER_IP', 100),
    credentialCacheTtlMs: int(env, 'JOBGATE_CREDENTIAL_CACHE_TTL_MS', 60_000),
    usageFlushIntervalMs: int(env, 'JOBGATE_USAGE_FLUSH_INTERVAL_MS', 30_000),
    jobs: {
      runWorker: bool(env, 'JOBGATE_WORKER', true),
      concurrency: int(env, 'JOBGATE_WORKER_CONCURRENCY', 10),
      pollIntervalMs: int(env, 'JOBGATE_WORKER_POLL_INTERVAL_MS', 2000),
    },
    indexNowEndpoint: env.JOBGATE_INDEXNOW_ENDPOINT || undefined,
    indexNowKey: indexNowKeyOf(env.JOBGATE_INDEXNOW_KEY),
    googleIndexing: {
      credentialsPath: env.JOBGATE_GOOGLE_INDEXING_CREDENTIALS || undefined,
      endpoint: env.JOBGATE_GOOGLE_INDEXING_ENDPOINT || 'https://indexing.googleapis.com/batch',
      dailyQuota: int(env, 'JOBGATE_GOOGLE_INDEXING_DAILY_QUOTA', 200),
    },
    webhooks: {
      retryScheduleSeconds: secondsList(env, 'JOBGATE_WEBHOOK_RETRY_SCHEDULE', DEFAULT_WEBHOOK_RETRY_SCHEDULE),
      allowPrivateNetworks: bool(env, 'JOBGATE_WEBHOOKS_ALLOW_PRIVATE_NETWORKS', false),
    },
    shutdownTimeoutMs: int(env, 'JOBGATE_SHUTDOWN_TIMEOUT_MS', 10_000),
    publicCacheBytes: int(env, 'JOBGATE_PUBLIC_CACHE_BYTES', 64 * 1024 * 1024),
    compiledExecution: bool(env, 'JOBGATE_COMPILED_EXECUTION', true),
    compileAfter: env.JOBGATE_COMPILE_AFTER ? Math.max(1, int(env, 'JOBGATE_COMPILE_AFTER', 1)) : undefined,
    publicCacheTtlMs: int(env, 'JOBGATE_PUBLIC_CACHE_TTL_MS', 30_000),
    uploadRatePerMinutePerKey: int(env, 'JOBGATE_UPLOAD_RATE_PER_MINUTE_PER_KEY', 120),
    uploadRatePerMinutePerIp: int(env, 'JOBGATE_UPLOAD_RATE_PER_MINUTE_PER_IP', 60),
    unclaimedUploadBytesPerOrg: int(env, 'JOBGATE_UNCLAIMED_UPLOAD_BYTES_PER_ORG', 256 * 1024 * 1024),
    unclaimedUploadBytesPerIp: int(env, 'JOBGATE_UNCLAIMED_UPLOAD_BYTES_PER_IP', 32 * 1024 * 1024),
    unclaimedUploadBytesPerPosting: int(env, 'JOBGATE_UNCLAIMED_UPLOAD_BYTES_PER_POSTING', 64 * 1024 * 1024),
    auditRetentionDays: int(env, 'JOBGATE_AUDIT_RETENTION_DAYS', 365),
    fileStore: fileStore(env, databaseUrl, dataDir),
  };
}

/** 8 to 128 of a-z, A-Z, 0-9 and dashes, as IndexNow requires; anything else is a configuration mistake. */
function indexNowKeyOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!/^[a-zA-Z0-9-]{8,128}$/.test(value)) throw new Error('JOBGATE_INDEXNOW_KEY must be 8 to 128 characters of a-z, A-Z, 0-9 and -');
  return value;
}
