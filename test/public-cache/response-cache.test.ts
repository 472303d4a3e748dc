import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PublicResponseCache } from '../../src/modules/public-cache/response-cache';
import { createOrg, login, startTestApp, type TestApp } from '../helpers/test-app';
import { createPosting, PUBLIC, publicToken } from '../postings/helpers';
import { nextInvalidation } from '../helpers/cache-signals';

const LIST = '{ postings(first: 10) { totalCount nodes { id title } } }';
type ListData = { postings: { totalCount: number; nodes: { id: string; title: string }[] } };

describe('public response cache', () => {
  let a: TestApp;
  let b: TestApp;
  let admin: string;
  let key: string;
  let organizationId: string;

  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({ databaseUrl: a.databaseUrl });
    const org = await createOrg(a);
    organizationId = org.organizationId;
    admin = await login(a, org.slug, org.adminEmail, org.adminPassword);
    key = await publicToken(a, org);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const list = (t: TestApp) => t.gql<ListData>(LIST, {}, { token: key, path: PUBLIC });
  const titlesOn = async (t: TestApp) => (await list(t)).data!.postings.nodes.map((n) => n.title).sort();

  /**
   * A invalidates locally at once; B hears it through NOTIFY, asynchronously. Waiting for
   * both keeps a late notification from landing between two reads of a test.
   */
  const heardEverywhere = () => Promise.all([a, b].map((t) => nextInvalidation(t.services.publicCache, organizationId)));

  /** Runs a write on A and waits until both instances have heard of it. */
  async function writeOnA(query: string, variables: Record<string, unknown>) {
    const heard = heardEverywhere();
    const res = await a.gql(query, variables, { token: admin });
    expect(res.errors).toBeUndefined();
    await heard;
  }

  it('serves a repeated read from the cache on each instance', async () => {
    const heard = heardEverywhere();
    await createPosting(a, admin, { title: 'Cached One' });
    await heard;
    for (const t of [a, b]) {
      const first = await list(t);
      const second = await list(t);
      expect(second.headers['x-cache']).toBe('HIT');
      expect(second.data).toEqual(first.data);
    }
  });

  it('reflects an edit, a publish and a close on the next request on both instances', async () => {
    const before = await list(a);
    const id = before.data!.postings.nodes[0].id;
    await titlesOn(b); // warm B too

    await writeOnA('mutation($id: ID!, $input: UpdatePostingInput!) { updatePosting(id: $id, input: $input) { id } }', {
      id,
      input: { title: 'Edited Title' },
    });
    for (const t of [a, b]) expect(await titlesOn(t)).toEqual(['Edited Title']);

    const created = heardEverywhere();
    const draft = await createPosting(a, admin, { title: 'Fresh Draft', state: 'DRAFT' });
    await created;
    await titlesOn(b);
    await writeOnA('mutation($id: ID!) { setPostingState(id: $id, state: PUBLISHED) { id } }', { id: draft });
    for (const t of [a, b]) expect(await titlesOn(t)).toEqual(['Edited Title', 'Fresh Draft']);

    await writeOnA('mutation($id: ID!) { setPostingState(id: $id, state: CLOSED) { id } }', { id });
    for (const t of [a, b]) expect(await titlesOn(t)).toEqual(['Fresh Draft']);
  });

  it('reflects a settings change on both instances', async () => {
    const read = (t: TestApp) => t.gql<{ organization: { careersSiteUrl: string | null } }>('{ organization { careersSiteUrl } }', {}, { token: key, path: PUBLIC });
    await read(a);
    await read(b);
    await writeOnA('mutation { updateOrganizationSettings(input: { careersSiteUrl: "https://jobs.example.com" }) { id } }', {});
    for (const t of [a, b]) expect((await read(t)).data!.organization.careersSiteUrl).toBe('https://jobs.example.com');
  });

  it('keeps organizations apart and never caches errors or mutations', async () => {
    const other = await createOrg(a);
    const otherKey = await publicToken(a, other);
    const mine = await list(a);
    const theirs = await a.gql<ListData>(LIST, {}, { token: otherKey, path: PUBLIC });
    expect(theirs.data!.postings.totalCount).toBe(0);
    expect(mine.data!.postings.totalCount).toBeGreaterThan(0);

    const bad = '{ postings(first: 500) { totalCount } }';
    await a.gql(bad, {}, { token: key, path: PUBLIC });
    const again = await a.gql(bad, {}, { token: key, path: PUBLIC });
    expect(again.headers['x-cache']).toBe('MISS');
    expect(again.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const apply = 'mutation { applyToPosting(postingId: "00000000-0000-4000-8000-000000000000", input: { name: "A", email: "a@example.com" }) { applicationId } }';
    const res = await a.gql(apply, {}, { token: key, path: PUBLIC });
    expect(res.headers['x-cache']).toBeUndefined();
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('is bounded by bytes (body, key and per-entry overhead), evicting the least recently used entries', () => {
    const cache = new PublicResponseCache(700, 60_000, null, async () => undefined);
    const keys = ['one', 'two', 'three'].map((q) => cache.key('org', { query: q }));
    for (const k of keys) cache.set(k, Buffer.alloc(150));
    expect(cache.get(keys[0])).toBeUndefined();
    expect(cache.get(keys[1])?.length).toBe(150);
    expect(cache.get(keys[2])?.length).toBe(150);
  });
});
