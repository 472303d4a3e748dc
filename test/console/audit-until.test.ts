import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, login, startTestApp, type TestApp } from '../helpers/test-app';

// The admin console's audit screen filters by a date range: `until` joins `since`.
const EVENTS = `query($filter: AuditEventFilter) { auditEvents(filter: $filter, first: 100) { totalCount nodes { at action } } }`;

describe('auditEvents filter.until', () => {
  let t: TestApp;
  let token: string;
  let middle: string;

  beforeAll(async () => {
    t = await startTestApp();
    const org = await createOrg(t);
    token = await login(t, org.slug, org.adminEmail, org.adminPassword);
    await t.gql('mutation { updateOrganizationSettings(input: { feedEnabled: false }) { id } }', {}, { token });
    await new Promise((resolve) => setTimeout(resolve, 20));
    middle = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await t.gql('mutation { updateOrganizationSettings(input: { feedEnabled: true }) { id } }', {}, { token });
  });
  afterAll(async () => t?.close());

  const events = async (filter: Record<string, unknown>) => {
    const res = await t.gql<{ auditEvents: { totalCount: number; nodes: { at: string; action: string }[] } }>(EVENTS, { filter }, { token });
    expect(res.errors).toBeUndefined();
    return res.data!.auditEvents;
  };

  it('keeps only events before until, and combines with since into a range', async () => {
    const before = await events({ until: middle, action: 'organization.' });
    const after = await events({ since: middle, action: 'organization.' });
    expect(before.nodes.every((e) => Date.parse(e.at) < Date.parse(middle))).toBe(true);
    expect(after.nodes.every((e) => Date.parse(e.at) >= Date.parse(middle))).toBe(true);
    expect(before.totalCount).toBeGreaterThanOrEqual(1);
    expect(after.totalCount).toBe(1);
    const all = await events({ action: 'organization.' });
    expect(before.totalCount + after.totalCount).toBe(all.totalCount);
    const empty = await events({ since: middle, until: middle });
    expect(empty.totalCount).toBe(0);
  });

  it('a malformed until is BAD_USER_INPUT, not a server error', async () => {
    const res = await t.gql(EVENTS, { filter: { until: 'yesterday' } }, { token });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
