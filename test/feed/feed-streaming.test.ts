import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEED_BATCH_SIZE } from '../../src/modules/dialects/indeed/feed-reads';
import { createOrg, startTestApp, type SeededOrg, type TestApp } from '../helpers/test-app';
import { parseFeed } from './helpers';

const POSTINGS = 3000;

let t: TestApp;
let org: SeededOrg;
let base: string;

beforeAll(async () => {
  t = await startTestApp();
  org = await createOrg(t);
  // Bulk rows straight in SQL: the posting content is irrelevant here, the volume is the point.
  await t.orm.em.getConnection().execute(
    `insert into postings (id, organization_id, title, state, locations, location_names, lists, questions, description_html,
       published_at, created_at, updated_at, created_by_type, created_by_name)
     select gen_random_uuid(), ?, 'Job ' || i, 'PUBLISHED', '[{"name":"Berlin","city":"Berlin","region":"BE","countryCode":"DE","postalCode":null}]',
       '{berlin}', '[]', '[]', repeat('<p>Lorem ipsum dolor sit amet.</p>', 40),
       timestamp '2026-01-01' + (i % 700) * interval '1 minute', now(), now(), 'SYSTEM', 'system'
     from generate_series(1, ?) as i`,
    [org.organizationId, POSTINGS],
  );
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(() => t.close());

interface Received {
  headers: http.IncomingHttpHeaders;
  chunks: number;
  body: string;
}

function get(path: string): Promise<Received> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}${path}`, { headers: { 'accept-encoding': 'identity' } }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (chunk: Buffer) => parts.push(chunk));
        res.on('end', () => resolve({ headers: res.headers, chunks: parts.length, body: Buffer.concat(parts).toString('utf8') }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

describe('feed streaming', () => {
  it('streams thousands of postings in chunks over a real socket, reading them in keyset batches', async () => {
    const before = t.queries.length;
    const res = await get(`/feeds/${org.slug}.xml`);
    expect(res.headers['transfer-encoding']).toBe('chunked');
    expect(res.headers['content-length']).toBeUndefined();
    expect(res.chunks).toBeGreaterThan(10);

    const jobs = parseFeed(res.body).job!;
    expect(jobs).toHaveLength(POSTINGS);
    expect(new Set(jobs.map((j) => j.referencenumber)).size).toBe(POSTINGS);
    // Many publishedAt ties: the (published_at, id) keyset must neither skip nor repeat across batches.
    expect(new Set(jobs.map((j) => j.title)).size).toBe(POSTINGS);

    const reads = t.queries.slice(before).filter((q) => /order by p\.published_at desc/i.test(q));
    expect(reads).toHaveLength(Math.floor(POSTINGS / FEED_BATCH_SIZE) + 1);
    // The ORM's query log ends each line with "[took N ms, K results]": no batch holds more than one page.
    const sizes = reads.map((sql) => Number(/(\d+) results?\b/.exec(sql)?.[1]));
    expect(sizes.every((n) => n <= FEED_BATCH_SIZE)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(POSTINGS);
  });
});
