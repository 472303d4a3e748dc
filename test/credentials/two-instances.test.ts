import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answeredFromCache, nextEviction } from '../helpers/cache-signals';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { adminOf, codeOf, createKey, mutate } from './helpers';

/**
 * Two instances on one database. B caches the key first; a change made on A must
 * reach B through LISTEN/NOTIFY (not the cache TTL, which is set to an hour here).
 * The test waits for B to process the notification, then B's next request must fail.
 */
describe('revocation on every instance', () => {
  let a: TestApp;
  let b: TestApp;
  const hour = { JOBGATE_CREDENTIAL_CACHE_TTL_MS: String(60 * 60 * 1000) };
  beforeAll(async () => {
    a = await startTestApp({ env: hour });
    b = await startTestApp({ databaseUrl: a.databaseUrl, env: hour });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const read = (t: TestApp, secret: string) => t.gql('{ organization { id } }', {}, { token: secret });

  async function warm(secret: string): Promise<void> {
    expect((await read(b, secret)).errors).toBeUndefined();
    expect(await answeredFromCache(b.services.credentialVerifier, () => read(b, secret))).toBe(true);
  }

  it('revoke on A: the next request on B is UNAUTHENTICATED', async () => {
    const { token } = await adminOf(a);
    const key = await createKey(a, token, { operations: ['organization.read'] });
    await warm(key.secret);
    const evicted = nextEviction(b.services.credentialVerifier, key.id);
    expect((await mutate(a, token, 'mutation($id: ID!) { revokeApiCredential(id: $id) { id } }', { id: key.id })).errors).toBeUndefined();
    await evicted;
    expect(codeOf(await read(b, key.secret))).toBe('UNAUTHENTICATED');
  });

  it('rotate with TTL 0 on A: the old secret fails on B, the new one works', async () => {
    const { token } = await adminOf(a);
    const key = await createKey(a, token, { operations: ['organization.read'] });
    await warm(key.secret);
    const evicted = nextEviction(b.services.credentialVerifier, key.id);
    const rotated = await mutate(a, token, 'mutation($id: ID!) { rotateApiCredential(id: $id, previousSecretTtlSeconds: 0) { secret } }', { id: key.id });
    await evicted;
    expect(codeOf(await read(b, key.secret))).toBe('UNAUTHENTICATED');
    expect((await read(b, (rotated.data?.rotateApiCredential as { secret: string }).secret)).errors).toBeUndefined();
  });

  it('a permission edit on A applies to the next request on B', async () => {
    const { token } = await adminOf(a);
    const key = await createKey(a, token, { operations: ['organization.read'] });
    await warm(key.secret);
    const evicted = nextEviction(b.services.credentialVerifier, key.id);
    const edit = await mutate(a, token, 'mutation($id: ID!) { updateApiCredential(id: $id, input: { operations: ["users.list"] }) { operations } }', { id: key.id });
    expect(edit.data?.updateApiCredential).toEqual({ operations: ['users.list'] });
    await evicted;
    const res = await read(b, key.secret);
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect(res.errors?.[0].message).toContain('organization.read');
    expect((await b.gql('{ users { totalCount } }', {}, { token: key.secret })).errors).toBeUndefined();
  });

  it('delete on A: the next request on B is UNAUTHENTICATED', async () => {
    const { token } = await adminOf(a);
    const key = await createKey(a, token, { operations: ['organization.read'] });
    await warm(key.secret);
    const evicted = nextEviction(b.services.credentialVerifier, key.id);
    await mutate(a, token, 'mutation($id: ID!) { deleteApiCredential(id: $id) }', { id: key.id });
    await evicted;
    expect(codeOf(await read(b, key.secret))).toBe('UNAUTHENTICATED');
  });
});

describe('rate limits shared by every instance (RATE_LIMIT_STORE=postgres)', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startTestApp({ env: { RATE_LIMIT_STORE: 'postgres' } });
    b = await startTestApp({ databaseUrl: a.databaseUrl, env: { RATE_LIMIT_STORE: 'postgres' } });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('counts requests on A and B against one limit', async () => {
    const { token } = await adminOf(a);
    const key = await createKey(a, token, { operations: ['organization.read'], rateLimitPerMinute: 3 });
    const q = '{ organization { id } }';
    expect((await a.gql(q, {}, { token: key.secret })).errors).toBeUndefined();
    expect((await b.gql(q, {}, { token: key.secret })).errors).toBeUndefined();
    expect((await a.gql(q, {}, { token: key.secret })).errors).toBeUndefined();
    const limited = await b.gql(q, {}, { token: key.secret });
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
  });
});
