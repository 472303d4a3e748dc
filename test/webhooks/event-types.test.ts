import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { adminOf, createKey, mutate } from '../credentials/helpers';
import { createPosting } from '../postings/helpers';
import { Receiver, verifyBoth } from './receiver';
import { openForm, submitForm } from '../career-pages/helpers';
import { samples } from '../uploads/helpers';
import { boardIdOf } from '../compat/helpers';

const CREATE = `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { id } } }`;

describe('webhooks: each event type from a real change through the API', () => {
  let t: TestApp;
  let receiver: Receiver;
  beforeAll(async () => {
    t = await startTestApp({ env: { JOBGATE_WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'true', JOBGATE_WORKER_POLL_INTERVAL_MS: '200', JOBGATE_APPLY_RATE_PER_SECOND: '0' } });
    receiver = await new Receiver().start();
  });
  afterAll(async () => {
    await receiver?.close();
    await t?.close();
  });

  /** A fresh organization subscribed to `types`; `next(n)` waits for its next n verified payloads. */
  async function subscribed(types: string[]) {
    const { token } = await adminOf(t);
    const res = await t.gql<{ createWebhookEndpoint: { secret: string } }>(CREATE, { input: { url: receiver.url, eventTypes: types } }, { token });
    const secret = res.data!.createWebhookEndpoint.secret;
    let seen = receiver.received.length;
    const next = async (n = 1) => {
      const got = (await receiver.waitFor(seen + n)).slice(seen, seen + n);
      seen += n;
      return got.map((d) => verifyBoth(secret, d));
    };
    return { token, next };
  }

  it('posting.published, posting.updated and posting.unpublished (closed, deleted, expired by time)', async () => {
    const { token, next } = await subscribed(['posting.published', 'posting.updated', 'posting.unpublished']);
    const id = await createPosting(t, token, { state: 'PUBLISHED' });
    expect((await next())[0]).toMatchObject({ type: 'posting.published', data: { id } });
    await mutate(t, token, 'mutation($id: ID!) { updatePosting(id: $id, input: { title: "Renamed" }) { id } }', { id });
    expect((await next())[0]).toMatchObject({ type: 'posting.updated', data: { id, state: 'PUBLISHED' } });
    await mutate(t, token, 'mutation($id: ID!) { setPostingState(id: $id, state: CLOSED) { id } }', { id });
    expect((await next())[0]).toMatchObject({ type: 'posting.unpublished', data: { id, state: 'CLOSED', reason: 'closed' } });

    const internal = await createPosting(t, token, { state: 'PUBLISHED' });
    await next();
    await mutate(t, token, 'mutation($id: ID!) { setPostingState(id: $id, state: INTERNAL) { id } }', { id: internal });
    expect((await next())[0]).toMatchObject({ type: 'posting.unpublished', data: { id: internal, state: 'INTERNAL', reason: 'internal' } });

    const doomed = await createPosting(t, token, { state: 'PUBLISHED' });
    await next();
    await mutate(t, token, 'mutation($id: ID!) { deletePosting(id: $id) }', { id: doomed });
    expect((await next())[0]).toMatchObject({ type: 'posting.unpublished', data: { id: doomed, state: 'DELETED', reason: 'deleted' } });

    const expiring = await createPosting(t, token, { state: 'PUBLISHED' });
    await next();
    // Expiry by time: no write makes it happen, only the clock (and then the sweep).
    await t.orm.em.getConnection().execute(`update postings set expires_at = now() + interval '1 second' where id = ?`, [expiring]);
    await new Promise((r) => setTimeout(r, 1500));
    await t.services.postingExpirySweep.runOnce();
    expect((await next())[0]).toMatchObject({ type: 'posting.unpublished', data: { id: expiring, reason: 'expired' } });
  });

  it('credential.revoked, credential.rotated and credential.expiring', async () => {
    const { token, next } = await subscribed(['credential.revoked', 'credential.rotated', 'credential.expiring']);
    const key = await createKey(t, token, { operations: ['organization.read'] });
    await mutate(t, token, 'mutation($id: ID!) { rotateApiCredential(id: $id) { secret } }', { id: key.id });
    expect((await next())[0]).toMatchObject({ type: 'credential.rotated', data: { id: key.id, kind: 'DATA' } });
    await mutate(t, token, 'mutation($id: ID!) { revokeApiCredential(id: $id) { id } }', { id: key.id });
    expect((await next())[0]).toMatchObject({ type: 'credential.revoked', data: { id: key.id } });

    const soon = await createKey(t, token, { operations: ['organization.read'] });
    // Reaches "7 days before expiry" within the last hour: the hourly check's window.
    await t.orm.em.getConnection().execute(`update api_credentials set expires_at = now() + interval '7 days' - interval '10 minutes' where id = ?`, [soon.id]);
    await t.services.webhooks.checkExpiringCredentials(t.orm.em.fork());
    expect((await next())[0]).toMatchObject({ type: 'credential.expiring', data: { id: soon.id, daysLeft: 7 } });

    // The check covers the hour since its previous tick; this second run within the same hour must
    // not see the first key again, so that key moves out of its 7-day window first.
    await t.orm.em.getConnection().execute(`update api_credentials set expires_at = now() + interval '30 days' where id = ?`, [soon.id]);
    const sooner = await createKey(t, token, { operations: ['organization.read'] });
    // Reaches "1 day before expiry" within the last hour; the 7-day mark passed long before this window.
    await t.orm.em.getConnection().execute(`update api_credentials set expires_at = now() + interval '1 day' - interval '10 minutes' where id = ?`, [sooner.id]);
    await t.services.webhooks.checkExpiringCredentials(t.orm.em.fork());
    const [oneDay] = await next();
    expect(oneDay).toMatchObject({ type: 'credential.expiring', data: { id: sooner.id, daysLeft: 1 } });
    expect(Date.parse(String(oneDay!.data.expiresAt)) - Date.now()).toBeGreaterThan(23 * 3600_000);
  });

  it('application.created from the hosted apply form', async () => {
    const { token, next } = await subscribed(['application.created']);
    const org = await t.gql<{ organization: { slug: string } }>('{ organization { slug } }', {}, { token });
    const postingId = await createPosting(t, token, { state: 'PUBLISHED' });
    const path = `/jobs/${org.data!.organization.slug}/${postingId}/apply`;
    const form = await openForm(t, path);
    const res = await submitForm(t, path, null, [
      { name: 'token', value: form.token },
      { name: 'name', value: 'Hosted Applicant' },
      { name: 'email', value: 'hosted@example.com' },
      { name: 'resume', value: samples.pdf, filename: 'cv.pdf', contentType: 'application/pdf' },
    ]);
    expect(res.status).toBe(303);
    const [payload] = await next();
    expect(payload).toMatchObject({ type: 'application.created', data: { postingId } });
    expect(JSON.stringify(payload)).not.toContain('hosted@example.com');
  });

  it('application.created from an import through the admin API (createApplication)', async () => {
    const { token, next } = await subscribed(['application.created']);
    const postingId = await createPosting(t, token, { state: 'DRAFT' });
    const res = await mutate(t, token, 'mutation($p: ID!, $input: ApplicationInput!) { createApplication(postingId: $p, input: $input) { id } }', {
      p: postingId,
      input: { name: 'Imported Person', email: 'imported@example.com' },
    });
    const applicationId = (res.data!.createApplication as { id: string }).id;
    const [payload] = await next();
    expect(payload).toMatchObject({ type: 'application.created', data: { id: applicationId, postingId } });
    expect(JSON.stringify(payload)).not.toContain('imported@example.com');
  });

  it('application.created from the Lever and the Greenhouse apply routes', async () => {
    const { token, next } = await subscribed(['application.created']);
    const org = await t.gql<{ organization: { slug: string } }>('{ organization { slug } }', {}, { token });
    const { slug } = org.data!.organization;
    const key = (await t.gql<{ revealPostingsApiKey: string }>('mutation { revealPostingsApiKey }', {}, { token })).data!.revealPostingsApiKey;
    const title = `Drop-in ${Date.now()}`;
    const postingId = await createPosting(t, token, { state: 'PUBLISHED', title });

    const lever = await t.app.inject({ method: 'POST', url: `/v0/postings/${slug}/${postingId}?key=${encodeURIComponent(key)}`, payload: { name: 'Lever Person', email: 'lever@example.com' } });
    expect(lever.statusCode, lever.body).toBe(200);
    const [fromLever] = await next();
    expect(fromLever).toMatchObject({ type: 'application.created', data: { id: lever.json().applicationId, postingId } });

    const boardId = await boardIdOf(t, slug, title);
    const greenhouse = await t.app.inject({
      method: 'POST',
      url: `/v1/boards/${slug}/jobs/${boardId}`,
      headers: { authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` },
      payload: { first_name: 'Green', last_name: 'House', email: 'gh@example.com', resume_text: 'Plants.' },
    });
    expect(greenhouse.statusCode, greenhouse.body).toBe(200);
    const [fromGreenhouse] = await next();
    expect(fromGreenhouse).toMatchObject({ type: 'application.created', data: { postingId } });
    expect(JSON.stringify([fromLever, fromGreenhouse])).not.toMatch(/lever@example\.com|gh@example\.com|Lever Person/);
  });
});
