import fs from 'node:fs';
import path from 'node:path';
import type { TestApp } from '../helpers/test-app';
import { createPosting } from '../postings/helpers';

export { createPosting, orgWithTokens, PUBLIC, postingInput } from '../postings/helpers';

/** Lever v0 output, as Lever served it (copied into the repository so no test reads outside it). */
export interface LeverFixture {
  id: string;
  text: string;
  categories: { commitment?: string; location?: string; team?: string };
  createdAt: number;
  description: string;
  descriptionPlain: string;
  additional: string;
  lists: { text: string; content: string }[];
  hostedUrl: string;
}

export function leverFixture(): LeverFixture[] {
  return JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/lever-postings.json'), 'utf8')) as LeverFixture[];
}

/** Imports every fixture posting through the admin API (as a migrating customer would); returns Lever id → Jobgate id. */
export async function importLeverFixture(t: TestApp, adminToken: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const p of leverFixture()) {
    const id = await createPosting(t, adminToken, {
      title: p.text,
      team: p.categories.team ?? null,
      department: null,
      commitment: p.categories.commitment ?? null,
      level: null,
      locations: p.categories.location ? [{ name: p.categories.location }] : [{ name: 'Unspecified' }],
      descriptionHtml: p.description,
      additionalHtml: p.additional,
      lists: p.lists.map((l) => ({ title: l.text.trim(), contentHtml: l.content })),
      workplaceType: 'UNSPECIFIED',
    });
    ids.set(p.id, id);
  }
  return ids;
}

export async function setSettings(t: TestApp, adminToken: string, input: Record<string, unknown>): Promise<void> {
  const res = await t.gql(`mutation($input: UpdateOrganizationSettingsInput!) { updateOrganizationSettings(input: $input) { id } }`, { input }, { token: adminToken });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
}

export async function setState(t: TestApp, adminToken: string, id: string, state: string): Promise<void> {
  const res = await t.gql(`mutation($id: ID!, $state: PostingState!) { setPostingState(id: $id, state: $state) { id } }`, { id, state }, { token: adminToken });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
}

export async function get(t: TestApp, url: string, headers: Record<string, string> = {}) {
  const res = await t.app.inject({ method: 'GET', url, headers });
  let body: unknown = null;
  try {
    body = res.json();
  } catch {
    body = res.body;
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON of several shapes, asserted field by field in the tests
  return { status: res.statusCode, headers: res.headers, body: body as any, text: res.body };
}

/** A board id of a posting, read through the Greenhouse dialect's list. */
export async function boardIdOf(t: TestApp, slug: string, title: string): Promise<number> {
  const res = await get(t, `/v1/boards/${slug}/jobs`);
  const job = (res.body.jobs as { id: number; title: string }[]).find((j) => j.title === title);
  if (!job) throw new Error(`no job ${title}`);
  return job.id;
}
