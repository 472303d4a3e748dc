import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoPostings } from '../../src/modules/postings/demo-postings';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { PUBLIC, orgWithTokens } from './helpers';

describe('demo postings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('gives the demo organization realistic postings, including hidden ones, with every question kind', async () => {
    const o = await orgWithTokens(t);
    await seedDemoPostings(t.services, o.org.organizationId);

    const admin = await t.gql<{ postings: { totalCount: number; nodes: { state: string; confidential: boolean; title: string }[] } }>(
      `{ postings(first: 100) { totalCount nodes { title state confidential } } }`,
      {},
      { token: o.admin },
    );
    expect(admin.errors).toBeUndefined();
    const all = admin.data!.postings.nodes;
    expect(all.filter((p) => p.confidential)).toHaveLength(1);
    expect(all.filter((p) => p.state === 'INTERNAL')).toHaveLength(1);
    expect(all.some((p) => p.title === 'Account Executive')).toBe(true); // from the Lever fixtures

    // Lists render inside the career pages' own markup as they are: a <ul> holding only <li> items.
    const lists = await t.gql<{ postings: { nodes: { lists: { contentHtml: string }[] }[] } }>(`{ postings(first: 100) { nodes { lists { contentHtml } } } }`, {}, { token: o.admin });
    const contents = lists.data!.postings.nodes.flatMap((n) => n.lists.map((l) => l.contentHtml));
    expect(contents.length).toBeGreaterThan(19);
    for (const html of contents) expect(html.replace(/<li>[\s\S]*?<\/li>/g, '')).toBe('<ul></ul>');

    const pub = await t.gql<{
      postings: { totalCount: number; nodes: { title: string; workplaceType: string; salaryRange: unknown; questions: { kind: string }[] }[]; facets: { teams: unknown[]; countries: unknown[] } };
    }>(
      `{ postings(first: 100) { totalCount nodes { title workplaceType salaryRange { min } questions { kind } } facets { teams { value } countries { value } } } }`,
      {},
      { token: o.key, path: PUBLIC },
    );
    expect(pub.errors).toBeUndefined();
    const nodes = pub.data!.postings.nodes;
    expect(pub.data!.postings.totalCount).toBe(all.length - 3); // minus confidential, internal and draft
    expect(nodes.length).toBe(19 + 4); // the 19 Lever postings are in the repository (src/modules/postings/demo), so every clone gets all 23
    expect(new Set(nodes.map((n) => n.workplaceType))).toEqual(new Set(['REMOTE', 'HYBRID', 'ON_SITE']));
    expect(nodes.filter((n) => n.salaryRange).length).toBeGreaterThan(3);
    expect(pub.data!.postings.facets.teams.length).toBeGreaterThanOrEqual(5);
    expect(pub.data!.postings.facets.countries.length).toBeGreaterThanOrEqual(4);
    const kinds = new Set(nodes.flatMap((n) => n.questions.map((q) => q.kind)));
    expect(kinds).toEqual(new Set(['TEXT', 'TEXTAREA', 'SINGLE_SELECT', 'MULTI_SELECT', 'FILE', 'BOOLEAN']));
  });
});
