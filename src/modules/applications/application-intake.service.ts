import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Scope } from '../../auth/scope';
import { BadInputError, NotFoundError } from '../../errors';
import { isUuid } from '../../ids';
import { type UploadService, UploadPurpose } from '../uploads';
import type { ApplicationInput } from './application.inputs';
import { ApplicationRepository } from './application.repository';
import { validateApplication, type UploadReference, type ValidApplication } from './application-validation';
import { idempotencyKeyOf, replayOf, requestHash } from './apply-idempotency';
import type { WebhookService } from '../webhooks';
import { hasEeoAnswers, type EeoAnswers, type EeoService } from '../eeo';
import { organizationOf } from '../organizations';

/** `public`: a career site's apply (only publicly visible postings). `import`: an admin/data-key import (any state). */
export type ApplyMode = 'public' | 'import';

/** The application a write produced, and whether it is an earlier one answered again for a retried Idempotency-Key. */
export interface IntakeResult {
  applicationId: string;
  postingId: string;
  replayed: boolean;
}

const CLAIM_PURPOSES: Record<UploadReference['kind'], readonly UploadPurpose[]> = {
  resume: [UploadPurpose.RESUME],
  answer: [UploadPurpose.ATTACHMENT, UploadPurpose.RESUME],
};

/** A write whose uploads were taken by a concurrent request that then rolled back is retried this often. */
const CLAIM_ATTEMPTS = 3;

class ExplainedNothing extends Error {}

function isUniqueViolation(err: unknown): boolean {
  return err instanceof UniqueConstraintViolationException || (err as { code?: string } | null)?.code === '23505';
}

/**
 * The write of a new application, for the apply use case (apply.service.ts), which
 * owns everything around it. One read (the posting
 * and any application already holding the Idempotency-Key) and one statement that
 * claims the uploads, upserts the candidate and inserts the application and its audit
 * event, all or nothing. With an Idempotency-Key a retry returns the first
 * application's id; of concurrent identical requests one writes, and the others lose
 * on the upload's row lock or the key's unique index and answer with the winner.
 */
export class ApplicationIntakeService {
  private readonly repository = new ApplicationRepository();

  constructor(
    private readonly uploads: UploadService,
    private readonly webhooks: WebhookService,
    private readonly eeo: EeoService,
  ) {}

  /**
   * Writes the application. `validated` is the input already checked against the posting's
   * questions (when the caller had them, to refuse before storing any file); otherwise the
   * questions come with the read and the input is checked here. Either way, once.
   */
  async write(scope: Scope, postingId: string, input: ApplicationInput, mode: ApplyMode, validated: ValidApplication | null = null, eeo: EeoAnswers | null = null): Promise<IntakeResult> {
    const { em, principal } = scope;
    const organizationId = principal.organizationId;
    const key = idempotencyKeyOf(scope.meta);
    const hash = key ? requestHash(postingId, input) : null;
    const target = await this.repository.findApplyTarget(em, {
      organizationId,
      postingId: isUuid(postingId) ? postingId.toLowerCase() : null,
      publicOnly: mode === 'public',
      allowConfidential: principal.allowConfidential,
      idempotencyKey: key,
    });
    // A retry is answered before anything else: its uploads are already claimed, its posting may have closed since.
    if (target.earlier?.fresh) return { applicationId: replayOf(target.earlier, hash), postingId: target.posting?.id ?? postingId, replayed: true };
    // NOT_FOUND with one message whatever the reason (absent, other organization, unpublished, confidential, expired).
    if (!target.posting) throw new NotFoundError('Posting', postingId);
    const valid = validated ?? validateApplication(input, target.posting.questions);
    // Every apply (GraphQL, hosted form, Lever, Greenhouse) records the notice its candidate accepted: the one they were shown, or the current one.
    if (valid.privacyNoticeVersion != null && (target.noticeVersion == null || valid.privacyNoticeVersion > target.noticeVersion)) {
      throw BadInputError.field('consent.privacyNoticeVersion', 'no such privacy notice version');
    }
    const privacyNoticeVersion = valid.privacyNoticeVersion ?? target.noticeVersion;
    if (key && target.earlier) await this.repository.releaseStaleKey(em, organizationId, key);

    const posting = { id: target.posting.id, confidential: target.posting.confidential };
    // Only a candidate who answered costs the settings read: without answers the apply keeps its statements.
    const eeoAsked = hasEeoAnswers(eeo) ? (await organizationOf(em, organizationId)).settings.eeoQuestions ?? [] : [];
    const eeoAnswers = eeoAsked.length ? eeo : null;
    const resume = valid.uploads.find((u) => u.kind === 'resume');
    for (let attempt = 1; ; attempt++) {
      const id = randomUUID();
      let written: string | null;
      try {
        const row = {
          id,
          organizationId,
          posting,
          principal,
          meta: scope.meta,
          name: valid.name,
          email: valid.email,
          phone: valid.phone,
          currentCompany: valid.currentCompany,
          urls: valid.urls,
          comments: valid.comments,
          answers: valid.answers,
          consent: valid.consent,
          privacyNoticeVersion,
          source: valid.source,
          timezone: valid.timezone,
          // The candidate's own browser for public applies; an import's caller is an integration, not the candidate.
          ip: mode === 'public' ? scope.meta.ip : null,
          userAgent: mode === 'public' ? scope.meta.userAgent : null,
          resumeUploadId: resume?.uploadId ?? null,
          uploads: valid.uploads.map((u) => ({ uploadId: u.uploadId, purposes: CLAIM_PURPOSES[u.kind] })),
          idempotencyKey: key,
          requestHash: hash,
          auditChanges: { postingId: posting.id, mode, resume: Boolean(resume), answers: valid.answers.length, confidential: posting.confidential },
        };
        // With a subscriber, the insert and its application.created message commit together (the webhook
        // outbox), and so do EEO answers and their own table's row; with neither, the insert stays one
        // statement, with no transaction.
        written = !target.subscribed && !eeoAnswers
          ? await this.repository.insert(em, row)
          : await em.transactional(async (tx) => {
          const inserted = await this.repository.insert(tx, row);
          if (inserted && eeoAnswers) await this.eeo.record(tx, { organizationId, applicationId: inserted, postingId: posting.id, answers: eeoAnswers, asked: eeoAsked });
          if (inserted && target.subscribed) {
            await this.webhooks.enqueueFor(tx, {
              organizationId,
              type: 'application.created',
              confidential: posting.confidential,
              data: { id: inserted, postingId: posting.id, createdAt: new Date().toISOString() },
            });
          }
          return inserted;
        });
      } catch (err) {
        // Another request took the key first; the whole statement was rolled back.
        const winner = key && isUniqueViolation(err) ? await this.repository.findByIdempotencyKey(em, organizationId, key) : null;
        if (winner) return { applicationId: replayOf(winner, hash), postingId: posting.id, replayed: true };
        throw err;
      }
      if (written) return { applicationId: written, postingId: posting.id, replayed: false };
      // An upload could not be claimed, so nothing was written. With a key, the
      // request that claimed it may be this one's twin.
      const winner = key ? await this.repository.findByIdempotencyKey(em, organizationId, key) : null;
      if (winner) return { applicationId: replayOf(winner, hash), postingId: posting.id, replayed: true };
      await this.explainUnclaimable(em, organizationId, valid);
      if (attempt >= CLAIM_ATTEMPTS) throw BadInputError.field(valid.uploads[0]!.field, 'this upload is being used by another request; try again');
    }
  }

  /**
   * Throws the upload module's own refusal (unknown, already used, wrong purpose,
   * naming the field) by claiming each upload in a transaction that is always rolled
   * back. Returns only if every claim now succeeds (a concurrent claimer rolled back).
   */
  private async explainUnclaimable(em: EntityManager, organizationId: string, valid: ValidApplication): Promise<void> {
    try {
      await em.transactional(async (tx) => {
        for (const upload of valid.uploads) {
          await this.uploads.claim(tx, organizationId, upload.uploadId, { field: upload.field, purposes: CLAIM_PURPOSES[upload.kind] });
        }
        throw new ExplainedNothing();
      });
    } catch (err) {
      if (!(err instanceof ExplainedNothing)) throw err;
    }
  }
}
