import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apply, minimalInput } from '../applications/helpers';
import { createKey } from '../credentials/helpers';
import { createPosting, publicToken } from '../postings/helpers';
import { createOrg, login, startTestApp, userWithRole, type SeededOrg, type TestApp } from '../helpers/test-app';

/**
 * Issue 9 §2 repro: a full-access key without allowConfidential, and the audit-reader
 * and read-only presets, read `posting.created {title, confidential:true}` and
 * `application.created` events of confidential postings through the audit log.
 */
const EVENTS = `{ auditEvents(first: 100) { totalCount nodes { action targetId changes } } }`;
const SECRET_TITLE = 'Replace the CFO (confidential)';

interface Events {
  totalCount: number;
  nodes: { action: string; targetId: string | null; changes: Record<string, unknown> | null }[];
}

describe('audit log: confidential events', () => {
  let t: TestApp;
  let org: SeededOrg;
  let admin: string;
  let confidentialPosting: string;
  let publicPosting: string;
  let confidentialApplication: string;
  const readers: Record<string, string> = {};
  let seer: string;

  const read = async (token: string): Promise<Events> => {
    const res = await t.gql<{ auditEvents: Events }>(EVENTS, {}, { token });
    expect(res.errors).toBeUndefined();
    return res.data!.auditEvents;
  };

  const mentions = (events: Events, id: string) =>
    events.nodes.filter((e) => e.targetId === id || JSON.stringify(e.changes ?? {}).includes(id));

  beforeAll(async () => {
    t = await startTestApp();
    org = await createOrg(t);
    admin = await login(t, org.slug, org.adminEmail, org.adminPassword);
    confidentialPosting = await createPosting(t, admin, { title: SECRET_TITLE, confidential: true });
    publicPosting = await createPosting(t, admin, { title: 'Public engineer' });
    const created = await t.gql<{ createApplication: { id: string } }>(
      'mutation($postingId: ID!, $input: ApplicationInput!) { createApplication(postingId: $postingId, input: $input) { id } }',
      { postingId: confidentialPosting, input: minimalInput() },
      { token: admin },
    );
    expect(created.errors).toBeUndefined();
    confidentialApplication = created.data!.createApplication.id;
    const archived = await t.gql('mutation($id: ID!) { archiveApplication(id: $id, reason: "filled") { id } }', { id: confidentialApplication }, { token: admin });
    expect(archived.errors).toBeUndefined();
    const key = await publicToken(t, org);
    expect((await apply(t, key, publicPosting, minimalInput())).errors).toBeUndefined();

    readers['full-access key without allowConfidential'] = (await createKey(t, admin, { name: 'full', fullAccess: true })).secret;
    readers['audit-reader preset'] = (await createKey(t, admin, { name: 'siem', presetIds: ['audit-reader'] })).secret;
    readers['read-only preset'] = (await createKey(t, admin, { name: 'ro', presetIds: ['read-only'] })).secret;
    seer = (await createKey(t, admin, { name: 'full+confidential', fullAccess: true, allowConfidential: true })).secret;
  });
  afterAll(async () => t?.close());

  it.each(['full-access key without allowConfidential', 'audit-reader preset', 'read-only preset'])(
    'a %s sees no event of a confidential posting or its applications, in the list, the count or any payload',
    async (name) => {
      const events = await read(readers[name]);
      expect(mentions(events, confidentialPosting)).toEqual([]);
      expect(mentions(events, confidentialApplication)).toEqual([]);
      expect(JSON.stringify(events)).not.toContain(SECRET_TITLE);
      const all = await read(seer);
      const hidden = new Set([...mentions(all, confidentialPosting), ...mentions(all, confidentialApplication)]).size;
      // posting.created, application.created, application.archived
      expect(hidden).toBe(3);
      expect(events.totalCount).toBe(all.totalCount - hidden);
      expect(events.nodes).toHaveLength(events.totalCount);
      // The public posting's events stay visible.
      expect(mentions(events, publicPosting).map((e) => e.action)).toEqual(expect.arrayContaining(['posting.created', 'application.created']));
    },
  );

  it('a principal with confidential access sees them, with their payloads', async () => {
    for (const token of [seer, admin]) {
      const events = await read(token);
      expect(mentions(events, confidentialPosting).map((e) => e.action)).toContain('posting.created');
      expect(mentions(events, confidentialApplication).map((e) => e.action).sort()).toEqual(['application.archived', 'application.created']);
      expect(JSON.stringify(events)).toContain(SECRET_TITLE);
    }
  });

  it('follows the posting when it is made confidential, and back', async () => {
    const reader = readers['audit-reader preset'];
    const posting = await createPosting(t, admin, { title: 'Soon secret' });
    const rename = await t.gql('mutation($id: ID!) { updatePosting(id: $id, input: { title: "Soon secret, renamed" }) { id } }', { id: posting }, { token: admin });
    expect(rename.errors).toBeUndefined();
    expect(mentions(await read(reader), posting).map((e) => e.action).sort()).toEqual(['posting.created', 'posting.updated']);

    const hide = await t.gql('mutation($id: ID!) { updatePosting(id: $id, input: { confidential: true }) { id } }', { id: posting }, { token: admin });
    expect(hide.errors).toBeUndefined();
    expect(mentions(await read(reader), posting)).toEqual([]);
    expect(mentions(await read(seer), posting)).toHaveLength(3);

    const show = await t.gql('mutation($id: ID!) { updatePosting(id: $id, input: { confidential: false }) { id } }', { id: posting }, { token: admin });
    expect(show.errors).toBeUndefined();
    expect(mentions(await read(reader), posting).map((e) => e.action).sort()).toEqual(['posting.created', 'posting.updated', 'posting.updated', 'posting.updated']);
  });

  it('keeps an application made while its posting was confidential hidden after the posting turns public (the application stays confidential)', async () => {
    const reader = readers['full-access key without allowConfidential'];
    const posting = await createPosting(t, admin, { title: 'Was secret', confidential: true });
    const created = await t.gql<{ createApplication: { id: string } }>(
      'mutation($postingId: ID!, $input: ApplicationInput!) { createApplication(postingId: $postingId, input: $input) { id confidential } }',
      { postingId: posting, input: minimalInput() },
      { token: admin },
    );
    const applicationId = created.data!.createApplication.id;
    const show = await t.gql('mutation($id: ID!) { updatePosting(id: $id, input: { confidential: false }) { id } }', { id: posting }, { token: admin });
    expect(show.errors).toBeUndefined();
    const events = await read(reader);
    expect(mentions(events, posting).map((e) => e.action).sort()).toEqual(['posting.created', 'posting.updated']);
    expect(mentions(events, applicationId)).toEqual([]);
  });

  it('a TEAM_MEMBER cannot list audit events at all, and a deleted confidential posting stays hidden', async () => {
    const member = await userWithRole(t, org, admin, 'TEAM_MEMBER');
    const res = await t.gql(EVENTS, {}, { token: member.token });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const posting = await createPosting(t, admin, { title: 'Deleted secret', confidential: true });
    const deleted = await t.gql('mutation($id: ID!) { deletePosting(id: $id) }', { id: posting }, { token: admin });
    expect(deleted.errors).toBeUndefined();
    expect(mentions(await read(readers['read-only preset']), posting)).toEqual([]);
    expect(mentions(await read(seer), posting).map((e) => e.action).sort()).toEqual(['posting.created', 'posting.deleted']);
  });
});
