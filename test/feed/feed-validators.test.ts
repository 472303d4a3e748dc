import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPosting } from '../postings/helpers';
import { createOrg, login, startTestApp, type SeededOrg, type TestApp } from '../helpers/test-app';
import { getFeed } from './helpers';

/**
 * Issue 9 §2: the feed's ETag and Last-Modified come from publicly visible content
 * only, and every change of the feed moves Last-Modified, including a settings-only
 * change and the deletion of a visible posting. Every write goes through the admin API.
 */
describe('feed validators', () => {
  let t: TestApp;
  let org: SeededOrg;
  let admin: string;
  let confidential: string;
  let draft: string;

  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await t.gql(query, variables, { token: admin });
    expect(res.errors).toBeUndefined();
  };

  /**
   * Moves every timestamp the validators read an hour back, so a change made now moves
   * Last-Modified (whole seconds) by far more than its resolution, without sleeping.
   */
  const backdate = async () => {
    const sql = t.orm.em.getConnection();
    await sql.execute(`update postings set updated_at = now() - interval '1 hour' where organization_id = ?`, [org.organizationId]);
    await sql.execute(`update organizations set created_at = now() - interval '2 hours', feed_changed_at = now() - interval '1 hour' where id = ?`, [org.organizationId]);
  };

  const validators = async () => {
    const res = await getFeed(t, org.slug);
    expect(res.statusCode).toBe(200);
    return { etag: res.headers.etag as string, lastModified: new Date(res.headers['last-modified'] as string) };
  };

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrg(t);
    admin = await login(t, org.slug, org.adminEmail, org.adminPassword);
    await createPosting(t, admin, { title: 'Visible one' });
    confidential = await createPosting(t, admin, { title: 'Secret', confidential: true });
    draft = await createPosting(t, admin, { title: 'Draft', state: 'DRAFT' });
  });
  beforeEach(backdate);
  afterAll(async () => t?.close());

  it('does not change when only a confidential, draft or expired posting is edited', async () => {
    const before = await validators();
    expect(Date.now() - before.lastModified.getTime()).toBeGreaterThan(50 * 60_000);
    await gql('mutation($id: ID!) { updatePosting(id: $id, input: { title: "Secret, renamed" }) { id } }', { id: confidential });
    await gql('mutation($id: ID!) { setPostingState(id: $id, state: CLOSED) { id } }', { id: confidential });
    await gql('mutation($id: ID!) { updatePosting(id: $id, input: { title: "Draft, renamed" }) { id } }', { id: draft });
    const expired = await createPosting(t, admin, { title: 'Expired', state: 'DRAFT', expiresAt: new Date(Date.now() - 86_400_000).toISOString() });
    await gql('mutation($id: ID!) { updatePosting(id: $id, input: { title: "Expired, renamed" }) { id } }', { id: expired });

    const after = await validators();
    expect(after.etag).toBe(before.etag);
    expect(after.lastModified.getTime()).toBe(before.lastModified.getTime());
    expect((await getFeed(t, org.slug, { 'if-none-match': before.etag })).statusCode).toBe(304);
    expect((await getFeed(t, org.slug, { 'if-modified-since': before.lastModified.toUTCString() })).statusCode).toBe(304);
  });

  it('moves Last-Modified and the ETag on a settings-only change', async () => {
    const before = await validators();
    await gql('mutation { updateOrganizationSettings(input: { careersSiteUrl: "https://careers.example.org" }) { settingsVersion } }');
    const after = await validators();
    expect(after.etag).not.toBe(before.etag);
    expect(after.lastModified.getTime()).toBeGreaterThan(before.lastModified.getTime());
    expect((await getFeed(t, org.slug, { 'if-modified-since': before.lastModified.toUTCString() })).statusCode).toBe(200);
  });

  it('moves Last-Modified and the ETag when a visible posting is deleted', async () => {
    const doomed = await createPosting(t, admin, { title: 'Doomed' });
    await backdate();
    const before = await validators();
    await gql('mutation($id: ID!) { deletePosting(id: $id) }', { id: doomed });
    const after = await validators();
    expect(after.etag).not.toBe(before.etag);
    expect(after.lastModified.getTime()).toBeGreaterThan(before.lastModified.getTime());
    expect((await getFeed(t, org.slug, { 'if-modified-since': before.lastModified.toUTCString() })).statusCode).toBe(200);
  });

  it('moves Last-Modified when a visible posting leaves by becoming confidential or closed', async () => {
    for (const leave of ['updatePosting(id: $id, input: { confidential: true }) { id }', 'setPostingState(id: $id, state: CLOSED) { id }']) {
      const leaving = await createPosting(t, admin, { title: 'Leaving' });
      await backdate();
      const before = await validators();
      await gql(`mutation($id: ID!) { ${leave} }`, { id: leaving });
      const after = await validators();
      expect(after.etag, leave).not.toBe(before.etag);
      expect(after.lastModified.getTime(), leave).toBeGreaterThan(before.lastModified.getTime());
    }
  });

  it('moves Last-Modified when a hidden posting becomes visible', async () => {
    const before = await validators();
    await gql('mutation($id: ID!) { setPostingState(id: $id, state: PUBLISHED) { id } }', { id: draft });
    const after = await validators();
    expect(after.etag).not.toBe(before.etag);
    expect(after.lastModified.getTime()).toBeGreaterThan(before.lastModified.getTime());
  });
});
