import { randomUUID } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, startTestApp, type TestApp } from '../helpers/test-app';
import { createPosting, PUBLIC, publicToken } from '../postings/helpers';
import { login } from '../helpers/test-app';

const CACHE_BYTES = 1024 * 1024;
const QUERY = 'query One($id: ID!) { posting(id: $id) { id title } }';

/** A full collection, so what is measured is what is still referenced (the cache), not garbage. */
function collect(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  (runInNewContext('gc') as () => void)();
}

/** Memory outside the V8 heap that Buffers hold. */
const outsideHeap = () => process.memoryUsage().arrayBuffers;

describe('public response cache memory', () => {
  let t: TestApp;
  let key: string;
  let organizationId: string;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp({ env: { JOBGATE_PUBLIC_CACHE_BYTES: String(CACHE_BYTES), JOBGATE_PUBLIC_CACHE_TTL_MS: '600000' } });
    const org = await createOrg(t);
    organizationId = org.organizationId;
    admin = await login(t, org.slug, org.adminEmail, org.adminPassword);
    key = await publicToken(t, org);
  });
  afterAll(async () => t?.close());

  async function distinctPostingQueries(ids: string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += 25) {
      const batch = ids.slice(i, i + 25).map((id) =>
        t.app.inject({
          method: 'POST',
          url: PUBLIC,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
          payload: JSON.stringify({ query: QUERY, variables: { id } }),
        }),
      );
      for (const res of await Promise.all(batch)) expect(res.statusCode).toBe(200);
    }
  }

  it('3 000 distinct posting(id) queries, an invalidation, the same again: memory outside the heap grows by less than 1.5× JOBGATE_PUBLIC_CACHE_BYTES', async () => {
    const real = await createPosting(t, admin, { title: 'Kept' });
    const ids = [real, ...Array.from({ length: 2999 }, () => randomUUID())];
    await distinctPostingQueries(ids.slice(0, 50)); // warm up code paths and pools
    t.services.publicCache.clear();
    collect();
    const before = outsideHeap();

    await distinctPostingQueries(ids);
    await t.services.publicCache.invalidate(organizationId);
    await distinctPostingQueries(ids);
    collect();
    const grown = outsideHeap() - before;
    const counted = t.services.publicCache.countedBytes;
    console.info(`cache memory: counted ${counted} bytes, outside-heap growth ${grown} bytes (limit ${CACHE_BYTES})`);
    expect(counted).toBeLessThanOrEqual(CACHE_BYTES);
    expect(grown).toBeLessThan(1.5 * CACHE_BYTES);
  }, 180_000);

  it('drops the entries of an invalidated generation at once', async () => {
    await distinctPostingQueries(Array.from({ length: 20 }, () => randomUUID()));
    expect(t.services.publicCache.countedBytes).toBeGreaterThan(0);
    await t.services.publicCache.invalidate(organizationId);
    expect(t.services.publicCache.countedBytes).toBe(0);
  });
});
