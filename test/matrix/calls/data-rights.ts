import { randomUUID } from 'node:crypto';
import { asAdmin, type CallMap, type MatrixFixture, type Prepared } from '../helpers';

/** An application in `fx.org` from a fresh e-mail address, imported by its admin session. */
async function candidateApplication(fx: MatrixFixture): Promise<Prepared> {
  const posting = await asAdmin<{ createPosting: { id: string } }>(fx, 'mutation($input: CreatePostingInput!) { createPosting(input: $input) { id } }', {
    input: { title: 'Matrix data rights posting', locations: [{ name: 'Remote' }] },
  });
  const email = `rights-${randomUUID().slice(0, 8)}@example.com`;
  const data = await asAdmin<{ createApplication: { id: string } }>(
    fx,
    'mutation($postingId: ID!, $input: ApplicationInput!) { createApplication(postingId: $postingId, input: $input) { id } }',
    { postingId: posting.createPosting.id, input: { name: 'Rights Candidate', email } },
  );
  return { postingId: posting.createPosting.id, applicationId: data.createApplication.id, email };
}

/** Another organization's key names this organization's candidate by e-mail: it finds nothing to erase or export. */
export const dataRightsCalls: CallMap = {
  'applications.hold': {
    query: 'mutation($id: ID!) { setApplicationLegalHold(id: $id, hold: true) { id } }',
    prepare: candidateApplication,
    variables: (_fx, p) => ({ id: p.applicationId }),
    crossTenant: 'NOT_FOUND',
  },
  'applications.export': {
    query: 'mutation($email: String!) { exportCandidateData(email: $email) }',
    prepare: candidateApplication,
    variables: (_fx, p) => ({ email: p.email }),
    crossTenant: 'EMPTY',
  },
  'applications.erase': {
    query: 'mutation($email: String!) { eraseCandidateData(email: $email) { applications files } }',
    prepare: candidateApplication,
    variables: (_fx, p) => ({ email: p.email }),
    crossTenant: 'EMPTY',
  },
  'applications.eeo': {
    query: 'query($postingId: ID) { eeoReport(postingId: $postingId) { responses questions { question cells { answer count suppressed } } } }',
    prepare: candidateApplication,
    variables: (_fx, p) => ({ postingId: p.postingId }),
    crossTenant: 'EMPTY',
  },
};
