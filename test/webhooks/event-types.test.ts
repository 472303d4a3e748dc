import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { adminOf, createKey, mutate } from '../credentials/helpers';
import { createPosting } from '../postings/helpers';
import { Receiver, verifyBoth } from './receiver';
import { openForm, submitForm } from '../career-pages/helpers';
import { samples } from '../uploads/helpers';

const CREATE = `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret endpoint { id } } }`;

describe('webhooks: each event type from a real change through the API', () => {
  let t: TestApp;
  let receiver: Receiver;
  beforeAll(async () => {
    t = await startTestApp({ env: { JOBGATE_WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'true', JOBGATE_WORKER_POLL_INTERVAL_MS: '200' } });
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
});
