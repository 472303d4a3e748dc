import { randomUUID } from 'node:crypto';
import type { Scope } from '../../auth/scope';
import { BadInputError, type FieldProblem } from '../../errors';
import type { DomainEventBus } from '../../events';
import type { PostingQuestion } from '../postings';
import { FileTooLargeError, detectContentType, MAX_UPLOAD_BYTES, type ReceivedFile, type UploadService } from '../uploads';
import type { ApplicationIntakeService, ApplyMode, IntakeResult } from './application-intake.service';
import type { ApplicationInput } from './application.inputs';
import { validateApplication, type ValidApplication } from './application-validation';
import type { ApplyRateLimiter } from './apply-rate-limiter';
import type { IncomingFile } from './incoming-file';
import type { EeoAnswers } from '../eeo';

/** The posting an apply targets: its id, or the visible row a dialect already read (its questions shape the dialect's form). */
export type ApplyTarget = string | { id: string; questions: PostingQuestion[] };

export interface Apply {
  posting: ApplyTarget;
  /** The application in applyToPosting's terms; the files' upload ids are filled in here. */
  input: ApplicationInput;
  files?: IncomingFile[];
  /** What the dialect's own parser already refused (reported with everything else, in one answer). */
  problems?: FieldProblem[];
  /** The candidate's address a server-side caller reports (Lever's `ip`): recorded with the application and counted by the apply limit, never by the upload caps, since the caller chooses it. */
  candidateIp?: string | null;
  /** Voluntary self-identification, already parsed by the adapter: stored apart from the application (eeo module). */
  eeo?: EeoAnswers | null;
}

const isReceived = (content: ReceivedFile | Buffer): content is ReceivedFile => !Buffer.isBuffer(content);

/** The input with each file's upload id put where its target says (the resume, or its question's answer). */
function withUploadIds(input: ApplicationInput, files: readonly IncomingFile[], ids: readonly string[]): ApplicationInput {
  const answers = [...(input.answers ?? [])];
  let resumeUploadId = input.resumeUploadId ?? null;
  files.forEach((file, i) => {
    if (file.target.kind === 'resume') resumeUploadId = ids[i]!;
    else {
      const { questionId } = file.target;
      const index = answers.findIndex((a) => a.questionId === questionId);
      if (index === -1) answers.push({ questionId, uploadId: ids[i]! });
      else answers[index] = { ...answers[index]!, uploadId: ids[i]! };
    }
  });
  return { ...input, resumeUploadId, answers };
}

/** The checked application with the placeholder upload ids it was checked with swapped for the stored ones. */
function withStoredIds(valid: ValidApplication, stored: ReadonlyMap<string, string>): ValidApplication {
  const real = (id: string) => stored.get(id) ?? id;
  return {
    ...valid,
    uploads: valid.uploads.map((u) => ({ ...u, uploadId: real(u.uploadId) })),
    answers: valid.answers.map((a) => (a.fileId ? { ...a, fileId: real(a.fileId) } : a)),
  };
}

/** The upload module names its file `file`; the dialect's caller knows it by its own field name. */
function renameFileField(err: unknown, field: string): unknown {
  if (err instanceof FileTooLargeError) return BadInputError.field(field, `must be at most ${MAX_UPLOAD_BYTES} bytes (10 MB)`);
  if (err instanceof BadInputError) return new BadInputError(err.problems.map((p) => (p.field === 'file' ? { ...p, field } : p)));
  return err;
}

/**
 * The one use case by which an application comes in. GraphQL `applyToPosting`, the
 * hosted career form, Lever's and Greenhouse's applies, and the admin import are
 * adapters: they parse their dialect, call this, and render its answer or error in
 * their shape. In order: validation (once, and before any file is stored, when the
 * posting's questions are known), the apply rate limit, file storage, the write
 * (ApplicationIntakeService: one read and one statement, idempotent by key), and
 * `application.created`, in one place, after the write commits.
 */
export class ApplyService {
  constructor(
    private readonly intake: ApplicationIntakeService,
    private readonly uploads: UploadService,
    private readonly rateLimiter: ApplyRateLimiter,
    private readonly events: DomainEventBus,
  ) {}

  /** A public apply (only publicly visible postings; rate-limited per caller and client IP). Returns the application id. */
  async apply(scope: Scope, apply: Apply): Promise<string> {
    const files = apply.files ?? [];
    const recorded = new Set<ReceivedFile>();
    try {
      const postingId = typeof apply.posting === 'string' ? apply.posting : apply.posting.id;
      const questions = typeof apply.posting === 'string' ? null : apply.posting.questions;
      const valid = await this.check(apply, questions, files);
      const writeScope = apply.candidateIp ? { ...scope, meta: { ...scope.meta, ip: apply.candidateIp } } : scope;
      await this.rateLimiter.consume(scope.principal.credentialId ?? scope.principal.organizationId, writeScope.meta.ip);
      const stored = await this.store(scope, postingId, files, recorded);
      try {
        const input = withUploadIds(apply.input, files, stored.ids);
        return await this.take(writeScope, postingId, input, 'public', valid && withStoredIds(valid.application, new Map(valid.placeholders.map((p, i) => [p, stored.ids[i]!]))), apply.eeo ?? null);
      } catch (err) {
        // Refused after storing: the candidate never learns these upload ids, so they go now rather than hold the cap for a day.
        await this.uploads.dropUnclaimed(scope.principal.organizationId, stored.ids);
        throw err;
      }
    } finally {
      // Files streamed in by the dialect and not recorded (a refusal before storing): their bytes go.
      for (const file of files) if (isReceived(file.content) && !recorded.has(file.content)) await this.uploads.discard(file.content);
    }
  }

  /** An import through the admin API (any posting state the caller can see; no apply limit, no files). Returns the application id. */
  importApplication(scope: Scope, postingId: string, input: ApplicationInput): Promise<string> {
    return this.take(scope, postingId, input, 'import', null, null);
  }

  /**
   * Every problem at once: the dialect's own, each streamed file's type, and the
   * application against the posting's questions (with placeholder upload ids, so a
   * refused application stores nothing). Without the questions (applyToPosting names
   * only the posting), the write's read brings them and the check happens there.
   */
  private async check(apply: Apply, questions: PostingQuestion[] | null, files: readonly IncomingFile[]): Promise<{ application: ValidApplication; placeholders: string[] } | null> {
    const problems: FieldProblem[] = [...(apply.problems ?? [])];
    for (const file of files) {
      if (!isReceived(file.content)) continue;
      try {
        await detectContentType(file.purpose, file.content.content);
      } catch (err) {
        if (!(err instanceof BadInputError)) throw err;
        problems.push(...err.problems.map((p) => ({ field: file.field, message: p.message })));
      }
    }
    let checked: { application: ValidApplication; placeholders: string[] } | null = null;
    if (questions) {
      const placeholders = files.map(() => randomUUID());
      try {
        checked = { application: validateApplication(withUploadIds(apply.input, files, placeholders), questions), placeholders };
      } catch (err) {
        if (!(err instanceof BadInputError)) throw err;
        problems.push(...err.problems);
      }
    }
    if (problems.length) throw new BadInputError(problems);
    return checked;
  }

  /** Stores each file as an upload for this posting (type, caps and audit as for POST /uploads); returns their ids in order. */
  private async store(scope: Scope, postingId: string, files: readonly IncomingFile[], recorded: Set<ReceivedFile>): Promise<{ ids: string[] }> {
    const ids: string[] = [];
    try {
      for (const file of files) {
        try {
          const received = isReceived(file.content) ? file.content : await this.uploads.receive(file.content);
          // commit records the file, or drops its bytes itself when it refuses.
          recorded.add(received);
          const stored = await this.uploads.commit(scope.principal, scope.meta, { purpose: file.purpose, filename: file.filename, postingId }, received);
          ids.push(stored.id);
        } catch (err) {
          throw renameFileField(err, file.field);
        }
      }
    } catch (err) {
      await this.uploads.dropUnclaimed(scope.principal.organizationId, ids);
      throw err;
    }
    return { ids };
  }

  /** The write, and the one point where an application has come in. */
  private async take(scope: Scope, postingId: string, input: ApplicationInput, mode: ApplyMode, valid: ValidApplication | null, eeo: EeoAnswers | null): Promise<string> {
    const result: IntakeResult = await this.intake.write(scope, postingId, input, mode, valid, eeo);
    if (!result.replayed) {
      // application.created: the write has committed. Webhooks and consent records hook here.
      await this.events.emit('application.created', { organizationId: scope.principal.organizationId, applicationId: result.applicationId, postingId: result.postingId });
    }
    return result.applicationId;
  }
}
