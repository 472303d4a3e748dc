import { randomUUID } from 'node:crypto';
import type { APIRequestContext, FrameLocator, Page } from '@playwright/test';
import { adminGql } from '../support/admin-api';

/** A tiny PDF the upload sniffer accepts. */
export const RESUME = { name: 'resume.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n') };

export const BOARD = '/jobs/acme';

/** A posting of this spec's own, created through the admin API. */
export async function createPosting(request: APIRequestContext, token: string, input: Record<string, unknown>): Promise<string> {
  const data = await adminGql<{ createPosting: { id: string } }>(request, token, 'mutation($i: CreatePostingInput!) { createPosting(input: $i) { id } }', {
    i: { title: `E2E ${randomUUID().slice(0, 8)}`, state: 'PUBLISHED', locations: [{ name: 'Berlin', city: 'Berlin', countryCode: 'DE' }], descriptionHtml: '<p>Testing.</p>', ...input },
  });
  return data.createPosting.id;
}

export interface AdminApplication {
  id: string;
  email: string;
  name: string;
  resume: { filename: string; contentType: string; downloadUrl: string } | null;
}

export async function applicationsFor(request: APIRequestContext, token: string, postingId: string): Promise<AdminApplication[]> {
  const data = await adminGql<{ applications: { nodes: AdminApplication[] } }>(
    request,
    token,
    'query($p: ID!) { applications(filter: { postingId: $p }, first: 100) { nodes { id email name resume { filename contentType downloadUrl } } } }',
    { p: postingId },
  );
  return data.applications.nodes;
}

/** Fills the required fields of the apply form (the posting has no required questions), in a page or a frame. */
export async function fillBasics(page: Page | FrameLocator, email: string): Promise<void> {
  await page.getByLabel('Full name').fill('Ada Lovelace');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Phone').fill('+44 20 7946 0000');
  await page.getByLabel('GitHub URL').fill('https://github.com/ada');
  await page.getByLabel('Resume/CV').setInputFiles(RESUME);
}

/** Closes a spec's own posting, so later pages (and the README screenshots) show the demo data only. */
export async function closePosting(request: APIRequestContext, token: string, id: string): Promise<void> {
  await adminGql(request, token, 'mutation($id: ID!) { setPostingState(id: $id, state: CLOSED) { id } }', { id });
}
