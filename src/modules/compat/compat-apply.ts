import { randomUUID } from 'node:crypto';
import type { Principal, RequestMeta } from '../../auth/principal';
import { setRequestScope } from '../../db/request-scope';
import { BadInputError, NotFoundError, UnauthenticatedError } from '../../errors';
import type { CompatServices } from './compat-services';
import { type ApplicationInput, validateApplication } from '../applications';
import type { PostingRow } from '../postings';
import { UploadPurpose } from '../uploads';
import type { FormFile } from './compat-form';

/** A file the dialect found in the body, to be staged as an upload and referenced by the application. */
export interface IncomingFile extends FormFile {
  /** The dialect's field name, used in every error about this file. */
  field: string;
  purpose: UploadPurpose;
  /** Where the staged upload's id goes: the resume, or the answer to this question. */
  target: { kind: 'resume' } | { kind: 'answer'; questionId: string };
}

/**
 * Verifies that `secret` is the postings key of exactly this organization. Any
 * failure (malformed, unknown, revoked, another organization's key, IP not
 * allowed) is one UNAUTHENTICATED, so the dialect answers with its single
 * "invalid key" reply and nothing about which check failed.
 */
export async function postingsKeyPrincipal(services: CompatServices, organizationId: string, secret: string | null, meta: RequestMeta): Promise<Principal> {
  let principal: Principal | null = null;
  if (secret) {
    try {
      principal = await services.authenticator.authenticate({ ...meta, headers: { ...meta.headers, authorization: `Bearer ${secret}` } });
    } catch {
      principal = null;
    }
  }
  if (!principal || principal.kind !== 'POSTINGS_KEY' || principal.organizationId !== organizationId) throw new UnauthenticatedError('Invalid api key');
  return principal;
}

function withUploadIds(input: ApplicationInput, files: IncomingFile[], ids: string[]): ApplicationInput {
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

/** The upload service names its file `file`; the dialect's caller knows it by its own field name. */
function renameFileField(err: unknown, field: string): unknown {
  if (err instanceof BadInputError) return new BadInputError(err.problems.map((p) => (p.field === 'file' ? { ...p, field } : p)));
  return err;
}

/**
 * A dialect's apply, on the one apply path of the public API: the same
 * validation (run first with placeholder upload ids, so a refused application
 * stores no bytes), the same upload staging and claiming, the same rate limit,
 * idempotency and transaction. Returns the application id.
 */
export async function applyThroughCompat(
  services: CompatServices,
  principal: Principal,
  meta: RequestMeta,
  posting: PostingRow | null,
  input: ApplicationInput,
  files: IncomingFile[],
  /** The candidate's address a server-side caller reports (Lever's `ip`): recorded with the application, never used to count uploads, since the caller chooses it. */
  candidateIp: string | null = null,
): Promise<string> {
  if (!posting) throw new NotFoundError('Posting');
  validateApplication(withUploadIds(input, files, files.map(() => randomUUID())), posting.questions);
  const ids: string[] = [];
  try {
    for (const file of files) {
      try {
        const stored = await services.uploads.stage(principal, meta, { purpose: file.purpose, filename: file.filename, bytes: file.bytes, postingId: posting.id });
        ids.push(stored.id);
      } catch (err) {
        throw renameFileField(err, file.field);
      }
    }
    const em = services.orm.em.fork();
    setRequestScope(em, principal);
    const applyMeta = candidateIp ? { ...meta, ip: candidateIp } : meta;
    return await services.applicationIntake.applyPublicly({ em, principal, meta: applyMeta }, posting.id, withUploadIds(input, files, ids));
  } catch (err) {
    // Refused after staging: the caller never learns these upload ids, so they go now rather than hold the cap for a day.
    await services.uploads.dropUnclaimed(principal.organizationId, ids);
    throw err;
  }
}
