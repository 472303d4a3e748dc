import { LockMode } from '@mikro-orm/postgresql';
import isEmail from 'validator/lib/isEmail';
import type { Scope } from '../../auth/scope';
import { BadInputError, ForbiddenError, NotFoundError } from '../../errors';
import { isUuid } from '../../ids';
import { Application } from '../applications/entities.api';
import { tiedPosting } from '../applications';
import { recordAudit } from '../audit';
import type { UploadService } from '../uploads';
import type { ApplicationEraser, ErasureCounts } from './application-eraser';
import { DataRightsRepository } from './data-rights.repository';
import type { EmailHasher } from './email-hash';

/** How long the export's download links work. */
export const EXPORT_LINK_TTL_SECONDS = 24 * 3600;

export interface CandidateExport {
  generatedAt: string;
  applications: Record<string, unknown>[];
  consentRecords: Record<string, unknown>[];
  files: Record<string, unknown>[];
}

function emailKeyOf(email: string): string {
  const trimmed = email?.trim() ?? '';
  // The address is never echoed back: error messages end up in logs.
  if (!trimmed || trimmed.length > 255 || !isEmail(trimmed)) throw BadInputError.field('email', 'is not a valid e-mail address');
  return trimmed.toLowerCase();
}

/**
 * A candidate's rights over their data, by e-mail address, within the caller's
 * organization: erasure (everything, with a tombstone holding only a salted hash of
 * the address), export (one JSON document), and the legal hold that exempts one
 * application from the retention period. Confidential applications need confidential
 * access: a caller without it is refused the whole request rather than served a part,
 * since a partial erasure or export would break the promise made to the candidate.
 */
export class CandidateDataService {
  private readonly repository = new DataRightsRepository();

  constructor(
    private readonly eraser: ApplicationEraser,
    private readonly uploads: UploadService,
    private readonly hasher: EmailHasher,
  ) {}

  async erase(scope: Scope, email: string): Promise<ErasureCounts> {
    const key = emailKeyOf(email);
    const organizationId = scope.principal.organizationId;
    const emailHash = this.hasher.hash(key);
    const erased = await scope.em.fork().transactional(async (tx) => {
      const found = await this.repository.applicationsOf(tx, organizationId, key);
      if (found.confidential && !scope.principal.allowConfidential) throw confidentialRefusal();
      const result = await this.eraser.erase(tx, organizationId, found.ids);
      // Idempotent: a repeated request erases nothing and leaves no second tombstone.
      if (result.counts.applications || !(await this.repository.hasTombstone(tx, organizationId, emailHash))) {
        recordAudit(tx, organizationId, scope.principal, scope.meta, {
          action: 'candidate.erased',
          targetType: 'Candidate',
          changes: { emailHash, ...result.counts },
        });
      }
      return result;
    });
    await this.eraser.deleteBytes(erased.files);
    return erased.counts;
  }

  async export(scope: Scope, email: string): Promise<CandidateExport> {
    const key = emailKeyOf(email);
    const organizationId = scope.principal.organizationId;
    return scope.em.fork().transactional(async (tx) => {
      const found = await this.repository.applicationsOf(tx, organizationId, key);
      if (found.confidential && !scope.principal.allowConfidential) throw confidentialRefusal();
      const rows = await this.repository.exportedApplications(tx, organizationId, key);
      const fileIds = [...new Set([...rows.map((r) => r.resume_id).filter((id): id is string => Boolean(id)), ...rows.flatMap((r) => (r.answers ?? []).map((a) => a.fileId).filter((id): id is string => Boolean(id)))])];
      const files = await this.repository.files(tx, organizationId, fileIds);
      const expiresAt = new Date(Date.now() + EXPORT_LINK_TTL_SECONDS * 1000).toISOString();
      const document: CandidateExport = {
        generatedAt: new Date().toISOString(),
        applications: rows.map((r) => ({
          id: r.id,
          posting: { id: r.posting_id, title: r.posting_title },
          createdAt: new Date(r.created_at).toISOString(),
          status: r.status,
          name: r.name,
          email: r.email,
          phone: r.phone,
          currentCompany: r.current_company,
          urls: r.urls,
          comments: r.comments,
          answers: r.answers,
          source: r.source,
          timezone: r.timezone,
          ip: r.ip,
          userAgent: r.user_agent,
          resumeFileId: r.resume_id,
          legalHold: r.legal_hold,
        })),
        // What the candidate agreed to, and the notice text they accepted with it.
        consentRecords: rows.map((r) => ({
          applicationId: r.id,
          givenAt: new Date(r.created_at).toISOString(),
          ...(r.consent as object),
          privacyNotice: r.privacy_notice_version == null ? null : { version: r.privacy_notice_version, acceptedAt: r.privacy_notice_accepted_at && new Date(r.privacy_notice_accepted_at).toISOString(), text: r.privacy_notice_text, url: r.privacy_notice_url },
        })),
        files: files.map((f) => ({
          id: f.id,
          filename: f.filename,
          contentType: f.content_type,
          size: Number(f.size),
          sha256: f.sha256,
          uploadedAt: new Date(f.created_at).toISOString(),
          downloadUrl: this.uploads.signedUrl(f.id, EXPORT_LINK_TTL_SECONDS),
          downloadUrlExpiresAt: expiresAt,
        })),
      };
      recordAudit(tx, organizationId, scope.principal, scope.meta, {
        action: 'candidate.exported',
        targetType: 'Candidate',
        changes: { emailHash: this.hasher.hash(key), applications: rows.length, files: files.length },
      });
      return document;
    });
  }

  /** Puts one application on legal hold or releases it; not found covers what the caller may not see. */
  async setLegalHold(scope: Scope, id: string, hold: boolean): Promise<Application> {
    return scope.em.transactional(async (em) => {
      const application = isUuid(id) ? await em.findOne(Application, { id: id.toLowerCase() }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
      if (!application) throw new NotFoundError('Application', id);
      if (application.legalHold === hold) return application;
      application.legalHold = hold;
      recordAudit(em, scope.principal.organizationId, scope.principal, scope.meta, {
        action: hold ? 'application.legal_hold_set' : 'application.legal_hold_released',
        targetType: 'Application',
        targetId: application.id,
        changes: { legalHold: { before: !hold, after: hold } },
        posting: await tiedPosting(application),
      });
      return application;
    });
  }
}

function confidentialRefusal(): ForbiddenError {
  return new ForbiddenError("Some of this candidate's applications are confidential: this needs access to confidential data", { reason: 'CONFIDENTIAL' });
}
