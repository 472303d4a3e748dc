import { randomUUID } from 'node:crypto';
import { samples, upload } from '../../uploads/helpers';
import { asAdmin, type CallMap, type CallOutcome, type MatrixFixture, type Prepared } from '../helpers';

const candidate = () => ({ name: 'Matrix Candidate', email: `matrix-${randomUUID().slice(0, 8)}@example.com` });

async function newPosting(fx: MatrixFixture): Promise<string> {
  const data = await asAdmin<{ createPosting: { id: string } }>(fx, 'mutation($input: CreatePostingInput!) { createPosting(input: $input) { id } }', {
    input: { title: 'Matrix applications posting', locations: [{ name: 'Remote' }] },
  });
  return data.createPosting.id;
}

/** An application in `fx.org`, imported by its admin session, optionally with a resume. */
async function newApplication(fx: MatrixFixture, options: { resume?: boolean; archived?: boolean } = {}): Promise<Prepared> {
  const postingId = await newPosting(fx);
  let resumeUploadId: string | undefined;
  if (options.resume) {
    const staged = await upload(fx.t, { token: fx.adminToken, purpose: 'RESUME', bytes: samples.pdf, filename: 'matrix.pdf' });
    if (staged.status !== 201) throw new Error(`prepare failed: ${JSON.stringify(staged.body)}`);
    resumeUploadId = String(staged.body.id);
  }
  const data = await asAdmin<{ createApplication: { id: string } }>(
    fx,
    'mutation($postingId: ID!, $input: ApplicationInput!) { createApplication(postingId: $postingId, input: $input) { id } }',
    { postingId, input: { ...candidate(), resumeUploadId } },
  );
  const applicationId = data.createApplication.id;
  if (options.archived) await asAdmin(fx, 'mutation($id: ID!) { archiveApplication(id: $id, reason: "matrix") { id } }', { id: applicationId });
  return resumeUploadId ? { postingId, applicationId, resumeUploadId } : { postingId, applicationId };
}

/**
 * `Application.resume.downloadUrl` is a field under `application`, which needs
 * applications.read. The outcome reported is the field's own: errors about
 * authentication (no path) or on the downloadUrl field. A key holding only
 * applications.download is refused by the parent query, naming applications.read,
 * which is that operation's refusal, not this one's.
 */
async function downloadUrlCall(fx: MatrixFixture, token: string, prepared: Prepared): Promise<CallOutcome> {
  const res = await fx.t.gql<{ application: { resume: { downloadUrl: string | null } | null } | null }>(
    'query($id: ID!) { application(id: $id) { id resume { downloadUrl } } }',
    { id: prepared.applicationId },
    { token },
  );
  const own = res.errors?.find((e) => !e.path?.length || e.path.at(-1) === 'downloadUrl');
  return { code: own?.extensions?.code as string | undefined, message: own?.message, body: res, value: res.data ? res.data.application : undefined };
}

export const applicationsCalls: CallMap = {
  'applications.list': {
    query: '{ applications(first: 100) { nodes { id } } }',
    prepare: (fx) => newApplication(fx),
    variables: () => ({}),
    crossTenant: 'EMPTY',
  },
  'applications.read': {
    query: 'query($id: ID!) { application(id: $id) { id } }',
    prepare: (fx) => newApplication(fx),
    variables: (_fx, p) => ({ id: p.applicationId }),
    crossTenant: 'NOT_FOUND',
  },
  'applications.download': {
    request: downloadUrlCall,
    prepare: (fx) => newApplication(fx, { resume: true }),
    crossTenant: 'NOT_FOUND',
  },
  'applications.create': {
    query: 'mutation($postingId: ID!, $input: ApplicationInput!) { createApplication(postingId: $postingId, input: $input) { id } }',
    prepare: async (fx) => ({ postingId: await newPosting(fx) }),
    variables: (_fx, p) => ({ postingId: p.postingId, input: candidate() }),
    crossTenant: 'NOT_FOUND',
  },
  'applications.remove': {
    query: 'mutation($id: ID!) { archiveApplication(id: $id, reason: "Matrix") { id } }',
    prepare: (fx) => newApplication(fx),
    variables: (_fx, p) => ({ id: p.applicationId }),
    crossTenant: 'NOT_FOUND',
  },
  'applications.reactivate': {
    query: 'mutation($id: ID!) { reactivateApplication(id: $id) { id } }',
    prepare: (fx) => newApplication(fx, { archived: true }),
    variables: (_fx, p) => ({ id: p.applicationId }),
    crossTenant: 'NOT_FOUND',
  },
};
