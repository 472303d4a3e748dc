import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { systemFork } from '../../db/request-scope';
import type { Logger } from 'pino';
import type { Principal, RequestMeta } from '../../auth/principal';
import { BadInputError, NotFoundError, RateLimitedError } from '../../errors';
import { isUuid } from '../../ids';
import { actorOf, auditEventRow } from '../audit';
import { keyOf, type FileStore } from './file-store';
import { sanitizeFilename } from './file-names';
import { FileUrlSigner, type SignatureCheck } from './file-url-signer';
import { StoredFile } from './stored-file.entity';
import { StoredFileRepository, type CapRefusal, type FileKeys, type UnclaimedCaps, type UnclaimedUsages } from './stored-file.repository';
import { FileTooLargeError, UploadInspector, type InspectedContent } from './upload-inspector';
import type { UploadRateLimiter } from './upload-rate-limiter';
import { assertMayUpload, detectContentType, MAX_UPLOAD_BYTES } from './upload-policy';
import { isUploadPurpose, type UploadPurpose } from './upload-purpose';

export interface StageInput {
  purpose: string | undefined;
  filename: string | undefined;
  /** The posting an anonymous-facing apply stages this file for (its share of the unclaimed cap). */
  postingId?: string;
  /** The file, whole (forms that arrive whole) … */
  bytes?: Buffer;
  /** … or as a stream, stored as it arrives. */
  body?: Readable;
}

/** A file written to the store but not yet recorded: `commit` records it, `discard` drops it. */
export interface ReceivedFile {
  id: string;
  key: string;
  /** False when a content-addressed store already held these bytes (then they are not ours to delete). */
  created: boolean;
  content: InspectedContent;
}

export interface ClaimOptions {
  /** The input field that referenced the upload, named in every error. */
  field: string;
  /** The purposes this reference accepts, e.g. `[RESUME]` for a resume. */
  purposes: readonly UploadPurpose[];
}

export interface UploadServiceOptions {
  publicUrl: string;
  masterKey: Buffer;
  /** How often the purge of stale uploads runs (by the housekeeping timer). */
  purgeIntervalMs?: number;
  staleAfterHours?: number;
  /** Objects with no row are deleted once older than this (an upload may still be writing its row); 1 hour by default. */
  orphanGraceMs?: number;
  /** Per caller and per client IP limits of POST /uploads. */
  rateLimiter?: UploadRateLimiter;
  /** Bytes of unclaimed uploads one organization may hold; 0 or unset = no cap. */
  maxUnclaimedBytesPerOrg?: number;
  /** Of those, what anonymous-facing callers (postings key, hosted form) may stage from one client IP; 0 or unset = no cap. */
  maxUnclaimedBytesPerIp?: number;
  /** … and for one posting; 0 or unset = no cap. */
  maxUnclaimedBytesPerPosting?: number;
}

/**
 * Unclaimed space frees up whenever a pending upload is used, not only when the purge
 * takes the oldest one a day later, so a refusal asks to come back within this long.
 */
export const UNCLAIMED_RECHECK_SECONDS = 300;

/** Who holds the bytes of a share, as a refusal words it. */
const CAP_HOLDERS: Record<keyof UnclaimedUsages, string> = {
  ip: 'Uploads from this client hold',
  posting: 'Uploads for this posting hold',
  organization: 'This organization holds',
};

/** A new upload as a `stored_files` row, by column name. */
function fileRow(file: StoredFile): Record<string, unknown> {
  return {
    id: file.id,
    organization_id: file.organization.id,
    purpose: file.purpose,
    filename: file.filename,
    content_type: file.contentType,
    size: file.size,
    sha256: file.sha256,
    created_at: file.createdAt.toISOString(),
    claimed_at: null,
    staged_from_ip: file.stagedFromIp,
    staged_for_posting: file.stagedForPosting,
    created_by_type: file.createdBy.type,
    created_by_id: file.createdBy.id,
    created_by_name: file.createdBy.name,
    created_by_on_behalf_of_user_id: file.createdBy.onBehalfOfUserId,
  };
}

/** Staged uploads: streamed into the store while inspected, recorded once, claimed once by the mutation that uses them, served through signed links. */
export class UploadService {
  private readonly signer: FileUrlSigner;
  private readonly files = new StoredFileRepository();

  constructor(
    private readonly orm: MikroORM,
    readonly store: FileStore,
    private readonly logger: Logger,
    private readonly options: UploadServiceOptions,
  ) {
    this.signer = new FileUrlSigner(options.masterKey);
  }

  /** Receive and commit in one go, for callers that have the purpose before the file (the apply pages, the drop-in APIs). */
  async stage(principal: Principal, meta: RequestMeta | null, input: StageInput): Promise<StoredFile> {
    if (!isUploadPurpose(input.purpose)) throw BadInputError.field('purpose', 'must be RESUME, ATTACHMENT or LOGO');
    assertMayUpload(principal, input.purpose);
    const source = input.body ?? input.bytes;
    if (!source) throw BadInputError.field('file', 'is required (a multipart file part named "file")');
    let received: ReceivedFile;
    try {
      received = await this.receive(source);
    } catch (err) {
      if (err instanceof FileTooLargeError) throw BadInputError.field('file', `must be at most ${MAX_UPLOAD_BYTES} bytes (10 MB)`);
      throw err;
    }
    return this.commit(principal, meta, input, received);
  }

  /**
   * Streams the file into the store, hashing it and keeping what the type check needs.
   * Past the size limit the stream is cut and the partial object removed (FileTooLargeError).
   * A crash after this and before `commit` leaves an object with no row: the orphan sweep takes it.
   */
  async receive(source: Readable | Buffer): Promise<ReceivedFile> {
    const id = randomUUID();
    const inspector = new UploadInspector(MAX_UPLOAD_BYTES);
    const input = Buffer.isBuffer(source) ? Readable.from([source]) : source;
    // The pipeline carries a failure of either side to the other; its own promise is observed through the store's.
    const flowing = pipeline(input, inspector);
    flowing.catch(() => undefined);
    const { key, created } = await this.store.put(inspector, { id, sha256: () => inspector.inspected.sha256 });
    await flowing;
    return { id, key, created, content: inspector.inspected };
  }

  /** Checks the received file against the purpose and the organization's cap, then records it with its audit event; any refusal drops the object. */
  async commit(principal: Principal, meta: RequestMeta | null, input: Pick<StageInput, 'purpose' | 'filename' | 'postingId'>, received: ReceivedFile): Promise<StoredFile> {
    try {
      if (!isUploadPurpose(input.purpose)) throw BadInputError.field('purpose', 'must be RESUME, ATTACHMENT or LOGO');
      const purpose = input.purpose;
      assertMayUpload(principal, purpose);
      const contentType = await detectContentType(purpose, received.content);
      const { size, sha256 } = received.content;
      // Anyone may hold the postings key (career sites embed it), so its uploads are counted by client and posting too.
      const anonymous = principal.kind === 'POSTINGS_KEY';
      const stagedFromIp = anonymous ? (meta?.ip ?? null) : null;
      const stagedForPosting = anonymous ? (input.postingId ?? null) : null;
      const em = systemFork(this.orm);
      const file = em.create(
        StoredFile,
        { id: received.id, organization: principal.organizationId, purpose, filename: sanitizeFilename(input.filename), contentType, size, sha256, stagedFromIp, stagedForPosting, createdBy: actorOf(principal) },
        { persist: false },
      );
      const audit = auditEventRow(principal.organizationId, principal, meta, {
        action: 'file.uploaded',
        targetType: 'StoredFile',
        targetId: received.id,
        changes: { purpose, contentType, size },
      });
      // One statement: the caps, the row and its audit event (see StoredFileRepository.stage).
      const refusal = await this.files.stage(em, fileRow(file), audit, this.unclaimedCaps());
      if (refusal) throw this.capExceeded(refusal);
      return file;
    } catch (err) {
      await this.discard(received);
      throw err;
    }
  }

  /** Drops a received file that will not be recorded. Shared content-addressed bytes are left to the orphan sweep. */
  async discard(received: ReceivedFile): Promise<void> {
    if (!received.created) return;
    await this.store.delete([received.key]).catch((err: unknown) => this.logger.warn({ err }, 'could not delete a refused upload; the orphan sweep will'));
  }

  /**
   * Deletes uploads this request staged and did not get to use (its application was
   * refused after staging): their ids never left the server, so nobody could claim them,
   * and they would hold the organization's cap until the purge.
   */
  async dropUnclaimed(organizationId: string, ids: readonly string[]): Promise<void> {
    if (!ids.length) return;
    const rows = await this.files.deleteUnclaimed(systemFork(this.orm), organizationId, ids);
    // Content-addressed bytes may be shared with another row; the orphan sweep takes them.
    if (this.store.keyedBy === 'id' && rows.length) {
      await this.store.delete(rows.map((r) => r.id)).catch((err: unknown) => this.logger.warn({ err }, 'could not delete unused uploads; the orphan sweep will'));
    }
  }

  /**
   * Erases files for good (an erased or expired application's resume and attachments):
   * the rows inside the caller's transaction now; the bytes with `deleteObjects` once
   * that transaction has committed. Returns the keys to hand to `deleteObjects`.
   */
  deleteFileRows(em: EntityManager, organizationId: string, ids: readonly string[]): Promise<FileKeys[]> {
    return this.files.deleteFiles(em, organizationId, ids.filter((id) => isUuid(id)).map((id) => id.toLowerCase()));
  }

  /**
   * Deletes the bytes of files whose rows are gone. A content-addressed store keeps
   * bytes another row still names (the same file uploaded twice). A failure is logged
   * and left to the orphan sweep, which deletes objects no row points at.
   * Returns how many objects were deleted.
   */
  async deleteObjects(files: readonly FileKeys[]): Promise<number> {
    if (!files.length) return 0;
    const keys = [...new Set(files.map((file) => keyOf(this.store, file)))];
    const referenced = await this.files.referencedKeys(systemFork(this.orm), this.store.keyedBy, keys);
    const unreferenced = keys.filter((key) => !referenced.has(key));
    try {
      for (let i = 0; i < unreferenced.length; i += 1000) await this.store.delete(unreferenced.slice(i, i + 1000));
      return unreferenced.length;
    } catch (err) {
      this.logger.warn({ err }, 'could not delete erased files; the orphan sweep will');
      return 0;
    }
  }

  /** Rate limits per caller and per client IP; call before reading the body. */
  async admit(principal: Principal, ip: string): Promise<void> {
    await this.options.rateLimiter?.consume(principal, ip);
  }

  /**
   * Staged uploads live until claimed or purged, so an organization may hold only so
   * many unclaimed bytes; an anonymous-facing upload also only so many from its client
   * IP and for its posting, so one visitor cannot fill the organization's cap.
   * The IP and posting shares apply to uploads that carry them (postings key uploads).
   */
  private unclaimedCaps(): UnclaimedCaps {
    const { maxUnclaimedBytesPerOrg = 0, maxUnclaimedBytesPerIp = 0, maxUnclaimedBytesPerPosting = 0 } = this.options;
    return { ip: maxUnclaimedBytesPerIp, posting: maxUnclaimedBytesPerPosting, organization: maxUnclaimedBytesPerOrg };
  }

  /** Past a cap: RATE_LIMITED (see `retryAfterSeconds`), naming the share and its unclaimed bytes. */
  private capExceeded({ share, usage }: CapRefusal): RateLimitedError {
    const cap = this.unclaimedCaps()[share];
    const holder = CAP_HOLDERS[share];
    return new RateLimitedError(
      this.retryAfterSeconds(usage.oldest),
      `${holder} ${usage.bytes} bytes of uploads not yet used by an application or mutation (at most ${cap}); use them or try again later`,
    );
  }

  /**
   * When to try again: when the purge takes the oldest unclaimed upload, or sooner,
   * since using any pending upload frees its space too (`UNCLAIMED_RECHECK_SECONDS`).
   */
  private retryAfterSeconds(oldest: Date | null): number {
    const purgedAt = (oldest?.getTime() ?? Date.now()) + this.staleAfterHours * 3600_000 + this.purgeIntervalMs;
    return Math.max(1, Math.min(UNCLAIMED_RECHECK_SECONDS, Math.ceil((purgedAt - Date.now()) / 1000)));
  }

  /**
   * Marks an upload used, inside the caller's transaction. One conditional UPDATE
   * decides, so of concurrent claims exactly one wins (the others wait on the row
   * lock, then see `claimed_at` set); a rollback releases the upload again.
   */
  async claim(em: EntityManager, organizationId: string, uploadId: string, options: ClaimOptions): Promise<StoredFile> {
    const { field, purposes } = options;
    if (typeof uploadId !== 'string' || !isUuid(uploadId)) throw BadInputError.field(field, 'must be an upload id (a UUID)');
    const id = uploadId.toLowerCase();
    const row = await this.files.claim(em, organizationId, id, purposes);
    if (row) return em.map(StoredFile, row);

    // Explain the refusal. Another organization's upload reads exactly like a missing one.
    const found = await this.files.claimState(em, organizationId, id);
    if (!found) throw BadInputError.field(field, 'unknown upload');
    if (found.claimed) throw BadInputError.field(field, 'this upload was already used; upload the file again');
    throw BadInputError.field(field, `this is a ${found.purpose} upload; expected ${purposes.join(' or ')}`);
  }

  /** Metadata and a stream of the bytes; `em` must be scoped to the file's organization. */
  async open(em: EntityManager, fileId: string): Promise<{ file: StoredFile; body: Readable }> {
    const file = isUuid(fileId) ? await em.findOne(StoredFile, { id: fileId.toLowerCase() }) : null;
    const body = file && (await this.store.get(keyOf(this.store, file)));
    if (!file || !body) throw new NotFoundError('File', fileId);
    return { file, body };
  }

  /** Metadata and the bytes whole, for small files read by the server itself (logos). */
  async read(em: EntityManager, fileId: string): Promise<{ file: StoredFile; content: Buffer }> {
    const { file, body } = await this.open(em, fileId);
    return { file, content: await buffer(body) };
  }

  /** A link anyone holding it may download from until it expires (5 minutes by default). */
  signedUrl(fileId: string, ttlSeconds = 300): string {
    const expires = Math.floor(Date.now() / 1000) + ttlSeconds;
    const id = fileId.toLowerCase();
    return `${this.options.publicUrl}/files/${id}?expires=${expires}&sig=${this.signer.sign(id, expires)}`;
  }

  checkSignature(fileId: string, expires: unknown, sig: unknown): SignatureCheck {
    return this.signer.check(fileId, expires, sig);
  }

  /** The organization owning a file, found by id alone (for signed downloads, which carry no credential). */
  async organizationOf(fileId: string): Promise<string | null> {
    return isUuid(fileId) ? this.files.organizationOf(systemFork(this.orm), fileId.toLowerCase()) : null;
  }

  /**
   * Deletes uploads never claimed within `olderThanHours`: the rows, then their objects
   * (a store keyed by id; content-addressed bytes may be shared and go through the sweep).
   * Returns how many uploads.
   */
  async purgeStale(olderThanHours = this.staleAfterHours): Promise<number> {
    const rows = await this.files.deleteStale(systemFork(this.orm), olderThanHours);
    if (this.store.keyedBy === 'id') {
      for (let i = 0; i < rows.length; i += 1000) await this.store.delete(rows.slice(i, i + 1000).map((r) => r.id));
    }
    if (rows.length) this.logger.info({ purged: rows.length }, 'purged stale uploads');
    return rows.length;
  }

  /**
   * Deletes objects no row points at once they are older than the grace period: what a
   * crash left between the object write and the row write, a refused upload's shared
   * bytes, a temporary file cut off mid-write. Returns how many objects.
   */
  async sweepOrphans(graceMs = this.options.orphanGraceMs ?? 3600_000): Promise<number> {
    const before = Date.now() - graceMs;
    const em = systemFork(this.orm);
    let deleted = 0;
    for await (const page of this.store.list()) {
      const old = page.filter((o) => o.modifiedAt.getTime() <= before).map((o) => o.key);
      const referenced = await this.files.referencedKeys(em, this.store.keyedBy, old);
      const orphans = old.filter((key) => !referenced.has(key));
      if (orphans.length) await this.store.delete(orphans);
      deleted += orphans.length;
    }
    if (deleted) this.logger.info({ orphans: deleted }, 'deleted file objects with no metadata row');
    return deleted;
  }

  private get staleAfterHours(): number {
    return this.options.staleAfterHours ?? 24;
  }

  /** How often housekeeping runs the purge (an hour by default). */
  get purgeIntervalMs(): number {
    return this.options.purgeIntervalMs ?? 60 * 60 * 1000;
  }
}
