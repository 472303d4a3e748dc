import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Principal, RequestMeta } from '../../auth/principal';
import { BadInputError, NotFoundError, RateLimitedError } from '../../errors';
import { isUuid } from '../../ids';
import { actorOf } from '../audit/actor';
import { recordAudit } from '../audit/audit.service';
import type { FileStore } from './file-store';
import { sanitizeFilename } from './file-names';
import { FileUrlSigner, type SignatureCheck } from './file-url-signer';
import { StoredFile } from './stored-file.entity';
import { StoredFileRepository } from './stored-file.repository';
import type { UploadRateLimiter } from './upload-rate-limiter';
import { assertMayUpload, detectContentType } from './upload-policy';
import { isUploadPurpose, type UploadPurpose } from './upload-purpose';

export interface StageInput {
  purpose: string | undefined;
  filename: string | undefined;
  bytes: Buffer | undefined;
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
  /** Per caller and per client IP limits of POST /uploads. */
  rateLimiter?: UploadRateLimiter;
  /** Bytes of unclaimed uploads one organization may hold; 0 or unset = no cap. */
  maxUnclaimedBytesPerOrg?: number;
}

const COLUMNS = 'id, organization_id, purpose, filename, content_type, size, sha256, created_at, claimed_at, created_by_type, created_by_id, created_by_name, created_by_on_behalf_of_user_id';

/** Staged uploads: validated and stored once, claimed once by the mutation that uses them, served through signed links. */
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

  async stage(principal: Principal, meta: RequestMeta | null, input: StageInput): Promise<StoredFile> {
    if (!isUploadPurpose(input.purpose)) throw BadInputError.field('purpose', 'must be RESUME, ATTACHMENT or LOGO');
    const purpose = input.purpose;
    assertMayUpload(principal, purpose);
    if (!input.bytes) throw BadInputError.field('file', 'is required (a multipart file part named "file")');
    const bytes = input.bytes;
    const contentType = await detectContentType(purpose, bytes);
    const id = randomUUID();
    const em = this.orm.em.fork();
    // Bytes, metadata and audit event in one transaction: a kill -9 at any point
    // leaves all of them or none (it used to leave content rows with no metadata).
    return em.transactional(async (tx) => {
      await this.assertWithinUnclaimedCap(tx, principal.organizationId, bytes.length);
      await this.store.put(id, bytes, tx);
      const file = tx.create(StoredFile, {
        id,
        organization: principal.organizationId,
        purpose,
        filename: sanitizeFilename(input.filename),
        contentType,
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        createdBy: actorOf(principal),
      });
      recordAudit(tx, principal.organizationId, principal, meta, {
        action: 'file.uploaded',
        targetType: 'StoredFile',
        targetId: id,
        changes: { purpose, contentType, size: bytes.length },
      });
      return file;
    });
  }

  /** Rate limits per caller and per client IP; call before reading the body. */
  async admit(principal: Principal, ip: string): Promise<void> {
    await this.options.rateLimiter?.consume(principal, ip);
  }

  /**
   * Staged uploads live until claimed or purged, so an organization may hold only so
   * many unclaimed bytes. Past the cap: RATE_LIMITED until the oldest one is purged.
   */
  private async assertWithinUnclaimedCap(tx: EntityManager, organizationId: string, size: number): Promise<void> {
    const cap = this.options.maxUnclaimedBytesPerOrg ?? 0;
    if (!cap) return;
    await this.files.lockOrganizationUploads(tx, organizationId);
    const usage = await this.files.unclaimedUsage(tx, organizationId);
    if (usage.bytes + size <= cap) return;
    const purgedAt = (usage.oldest?.getTime() ?? Date.now()) + this.staleAfterHours * 3600_000 + this.purgeIntervalMs;
    throw new RateLimitedError(
      Math.max(1, Math.ceil((purgedAt - Date.now()) / 1000)),
      `This organization holds ${usage.bytes} bytes of uploads not yet used by any mutation (at most ${cap}); use or let them expire first`,
    );
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
    const placeholders = purposes.map(() => '?').join(', ');
    const rows = purposes.length
      ? await this.raw(
          em,
          `update stored_files set claimed_at = now() where id = ? and organization_id = ? and claimed_at is null and purpose in (${placeholders}) returning ${COLUMNS}`,
          [id, organizationId, ...purposes],
        )
      : [];
    if (rows.length) return em.map(StoredFile, rows[0]);

    // Explain the refusal. Another organization's upload reads exactly like a missing one.
    const [found] = await this.raw(em, 'select purpose, claimed_at from stored_files where id = ? and organization_id = ?', [id, organizationId]);
    if (!found) throw BadInputError.field(field, 'unknown upload');
    if (found.claimed_at) throw BadInputError.field(field, 'this upload was already used; upload the file again');
    throw BadInputError.field(field, `this is a ${String(found.purpose)} upload; expected ${purposes.join(' or ')}`);
  }

  /** Metadata and bytes; `em` must be scoped to the file's organization. */
  async read(em: EntityManager, fileId: string): Promise<{ file: StoredFile; content: Buffer }> {
    const file = isUuid(fileId) ? await em.findOne(StoredFile, { id: fileId.toLowerCase() }) : null;
    const content = file && (await this.store.get(file.id));
    if (!file || !content) throw new NotFoundError('File', fileId);
    return { file, content };
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
    if (!isUuid(fileId)) return null;
    const rows = await this.orm.em.getConnection().execute<{ organization_id: string }[]>(
      'select organization_id from stored_files where id = ?',
      [fileId.toLowerCase()],
    );
    return rows[0]?.organization_id ?? null;
  }

  /**
   * Deletes uploads never claimed within `olderThanHours`, metadata then bytes, then
   * content no metadata points at (which also catches bytes a crash left between the
   * two deletes). Returns how many uploads.
   */
  async purgeStale(olderThanHours = this.staleAfterHours): Promise<number> {
    const ids = await this.files.deleteStale(this.orm.em.fork(), olderThanHours);
    for (let i = 0; i < ids.length; i += 1000) await this.store.delete(ids.slice(i, i + 1000));
    const orphans = await this.store.deleteOrphans();
    if (ids.length || orphans) this.logger.info({ purged: ids.length, orphans }, 'purged stale uploads');
    return ids.length;
  }

  private get staleAfterHours(): number {
    return this.options.staleAfterHours ?? 24;
  }

  /** How often housekeeping runs the purge (an hour by default). */
  get purgeIntervalMs(): number {
    return this.options.purgeIntervalMs ?? 60 * 60 * 1000;
  }

  /** Plain SQL inside `em`'s transaction, when it has one. */
  private async raw(em: EntityManager, sql: string, params: unknown[]): Promise<Record<string, unknown>[]> {
    const query = em.getKnex().raw(sql, params as never[]);
    const trx = em.getTransactionContext();
    if (trx) void query.transacting(trx);
    const result = (await query) as { rows: Record<string, unknown>[] };
    return result.rows;
  }
}
