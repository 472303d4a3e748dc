import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Scope } from '../../auth/scope';
import { NotFoundError } from '../../errors';
import { isUuid } from '../../ids';
import { actorOf } from '../audit/actor';
import { recordAudit } from '../audit/audit.service';
import { Posting } from '../postings/posting.entity';
import { publiclyVisible } from '../postings/public-visibility';
import type { UploadService } from '../uploads/upload.service';
import { UploadPurpose } from '../uploads/upload-purpose';
import { StoredFile } from '../uploads/stored-file.entity';
import { idempotencyKeyOf, lockIdempotencyKey, replayedApplication, requestHash } from './apply-idempotency';
import { Application } from './application.entity';
import type { ApplicationInput } from './application.inputs';
import { validateApplication, type UploadReference, type ValidApplication } from './application-validation';
import { Candidate } from './candidate.entity';
import { upsertCandidate } from './candidate-upsert';

/** `public`: a career site's apply (only publicly visible postings). `import`: an admin/data-key import (any state). */
export type ApplyMode = 'public' | 'import';

const CLAIM_PURPOSES: Record<UploadReference['kind'], readonly UploadPurpose[]> = {
  resume: [UploadPurpose.RESUME],
  answer: [UploadPurpose.ATTACHMENT, UploadPurpose.RESUME],
};

function isUniqueViolation(err: unknown): boolean {
  return err instanceof UniqueConstraintViolationException || (err as { code?: string } | null)?.code === '23505';
}

/**
 * Writes applications. Candidate, application, upload claims and the audit event
 * commit in one transaction or not at all. With an Idempotency-Key, a retry of
 * the same request returns the first application's id; requests with the same
 * key are serialized by an advisory lock, and the unique index is the backstop.
 */
export class ApplyService {
  constructor(private readonly uploads: UploadService) {}

  /** Returns the application's id (a new one, or the original for an idempotent retry). */
  async create(scope: Scope, postingId: string, input: ApplicationInput, mode: ApplyMode): Promise<string> {
    const organizationId = scope.principal.organizationId;
    const key = idempotencyKeyOf(scope.meta);
    const hash = key ? requestHash(postingId, input) : null;
    // A retry is answered before anything else: its uploads are already claimed, its posting may have closed since.
    if (key && hash) {
      const replay = await replayedApplication(scope.em, organizationId, key, hash);
      if (replay) return replay;
    }
    const posting = await this.findPosting(scope.em, postingId, mode);
    const valid = validateApplication(input, posting.questions);
    try {
      return await scope.em.transactional(async (em) => {
        if (key && hash) {
          await lockIdempotencyKey(em, organizationId, key);
          const replay = await replayedApplication(em, organizationId, key, hash);
          if (replay) return replay;
        }
        return this.write(em, scope, posting, valid, mode, key, hash);
      });
    } catch (err) {
      if (key && hash && isUniqueViolation(err)) {
        const winner = await replayedApplication(scope.em, organizationId, key, hash);
        if (winner) return winner;
      }
      throw err;
    }
  }

  /** NOT_FOUND with one message whatever the reason (absent, other organization, unpublished, confidential, expired). */
  private async findPosting(em: EntityManager, postingId: string, mode: ApplyMode): Promise<Posting> {
    const id = isUuid(postingId) ? postingId.toLowerCase() : null;
    const posting = id ? await em.findOne(Posting, mode === 'public' ? { $and: [{ id }, publiclyVisible()] } : { id }) : null;
    if (!posting) throw new NotFoundError('Posting', postingId);
    return posting;
  }

  private async write(em: EntityManager, scope: Scope, posting: Posting, valid: ValidApplication, mode: ApplyMode, key: string | null, hash: string | null): Promise<string> {
    const organizationId = scope.principal.organizationId;
    const candidateId = await upsertCandidate(em, organizationId, valid);
    for (const upload of valid.uploads) {
      await this.uploads.claim(em, organizationId, upload.uploadId, { field: upload.field, purposes: CLAIM_PURPOSES[upload.kind] });
    }
    const resume = valid.uploads.find((u) => u.kind === 'resume');
    const application = em.create(Application, {
      organization: organizationId,
      posting: em.getReference(Posting, posting.id),
      candidate: em.getReference(Candidate, candidateId),
      confidential: posting.confidential,
      name: valid.name,
      email: valid.email,
      phone: valid.phone,
      currentCompany: valid.currentCompany,
      urls: valid.urls,
      comments: valid.comments,
      answers: valid.answers,
      consent: valid.consent,
      source: valid.source,
      timezone: valid.timezone,
      // The candidate's own browser for public applies; an import's caller is an integration, not the candidate.
      ip: mode === 'public' ? scope.meta.ip : null,
      userAgent: mode === 'public' ? scope.meta.userAgent : null,
      resume: resume ? em.getReference(StoredFile, resume.uploadId) : null,
      createdBy: actorOf(scope.principal),
      idempotencyKey: key,
      requestHash: hash,
    });
    recordAudit(em, organizationId, scope.principal, scope.meta, {
      action: 'application.created',
      targetType: 'Application',
      targetId: application.id,
      changes: { postingId: posting.id, candidateId, mode, resume: Boolean(resume), answers: valid.answers.length, confidential: posting.confidential },
      posting: { id: posting.id, confidential: posting.confidential },
    });
    await em.flush();
    return application.id;
  }
}
