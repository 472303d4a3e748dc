import { asAdmin, type CallMap, type MatrixFixture } from '../helpers';

let counter = 0;

const POSTING_INPUT = () => {
  counter += 1;
  return { title: `Matrix posting ${counter}`, team: 'Matrix', locations: [{ name: 'Remote', countryCode: 'US' }] };
};

/** A fresh posting in `fx.org`, made by its admin session. */
async function newPosting(fx: MatrixFixture): Promise<{ postingId: string }> {
  const data = await asAdmin<{ createPosting: { id: string } }>(fx, 'mutation($input: CreatePostingInput!) { createPosting(input: $input) { id } }', {
    input: POSTING_INPUT(),
  });
  return { postingId: data.createPosting.id };
}

export const postingsCalls: CallMap = {
  'postings.list': {
    query: '{ postings(first: 100) { nodes { id } } }',
    prepare: (fx) => newPosting(fx),
    variables: () => ({}),
    crossTenant: 'EMPTY',
  },
  'postings.read': {
    query: 'query($id: ID!) { posting(id: $id) { id } }',
    prepare: (fx) => newPosting(fx),
    variables: (_fx, p) => ({ id: p.postingId }),
    crossTenant: 'NOT_FOUND',
  },
  'postings.create': {
    query: 'mutation($input: CreatePostingInput!) { createPosting(input: $input) { id } }',
    variables: () => ({ input: POSTING_INPUT() }),
    // A key creates postings in its own organization only.
    crossTenant: 'EMPTY',
  },
  'postings.update': {
    query: 'mutation($id: ID!) { updatePosting(id: $id, input: { title: "Renamed by matrix" }) { id } }',
    prepare: (fx) => newPosting(fx),
    variables: (_fx, p) => ({ id: p.postingId }),
    crossTenant: 'NOT_FOUND',
  },
  'postings.delete': {
    query: 'mutation($id: ID!) { deletePosting(id: $id) }',
    prepare: (fx) => newPosting(fx),
    variables: (_fx, p) => ({ id: p.postingId }),
    crossTenant: 'NOT_FOUND',
  },
};
