import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostingState } from '../../src/modules/postings/posting-enums';
import { createOrg, startTestApp, type SeededOrg, type TestApp } from '../helpers/test-app';
import { createPostings, getFeed, parseFeed } from './helpers';

let t: TestApp;
let org: SeededOrg;
let other: SeededOrg;

const HOUR = 3_600_000;

beforeAll(async () => {
  t = await startTestApp();
  org = await createOrg(t);
  other = await createOrg(t);
  await createPostings(t, org.organizationId, [
    { title: 'visible: published' },
    { title: 'visible: expires tomorrow', expiresAt: new Date(Date.now() + 24 * HOUR) },
    { title: 'hidden: draft', state: PostingState.DRAFT },
    { title: 'hidden: internal', state: PostingState.INTERNAL },
    { title: 'hidden: closed', state: PostingState.CLOSED },
    { title: 'hidden: expired', expiresAt: new Date(Date.now() - HOUR) },
    { title: 'hidden: confidential', confidential: true },
    { title: 'hidden: confidential internal', state: PostingState.INTERNAL, confidential: true },
  ]);
  await createPostings(t, other.organizationId, [{ title: 'hidden: other organization' }]);
});
afterAll(() => t.close());

describe('feed invisibility', () => {
  it('lists exactly the publicly visible postings of the organization', async () => {
    const feed = parseFeed((await getFeed(t, org.slug)).body);
    expect(feed.job!.map((j) => j.title).sort()).toEqual(['visible: expires tomorrow', 'visible: published']);
  });

  it('never leaks another organization\'s postings, and theirs never leak ours', async () => {
    const feed = parseFeed((await getFeed(t, other.slug)).body);
    expect(feed.job!.map((j) => j.title)).toEqual(['hidden: other organization']);
  });

  it('drops a posting from the feed as soon as it expires or is closed', async () => {
    await t.orm.em.getConnection().execute(`update postings set expires_at = now() - interval '1 second' where title = 'visible: expires tomorrow'`);
    await t.orm.em.getConnection().execute(`update postings set state = 'CLOSED', updated_at = now() where title = 'visible: published'`);
    const feed = parseFeed((await getFeed(t, org.slug)).body);
    expect(feed.job).toBeUndefined();
  });
});
