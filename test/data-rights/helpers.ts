import { randomUUID } from 'node:crypto';
import type { TestApp } from '../helpers/test-app';
import { keyOf } from '../../src/modules/uploads/file-store';

export const DAY_MS = 24 * 3600 * 1000;

/** A PDF whose bytes are unique (a content-addressed store must not share it with another test file). */
export function uniquePdf(): Buffer {
  return Buffer.from(`%PDF-1.4\n% ${randomUUID()}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

export const SET_RETENTION = `mutation($input: UpdateOrganizationSettingsInput!) {
  updateOrganizationSettings(input: $input) { settings { applicationRetentionDays consentedRetentionDays } }
}`;

/** Whether the instance's file store still holds the bytes of the file with this id (looked up before its row went). */
export async function storeHas(t: TestApp, file: { id: string; sha256: string }): Promise<boolean> {
  return t.services.uploads.store.has(keyOf(t.services.uploads.store, file));
}

/** The id and sha256 of a stored file, read past every filter (test assertions only). */
export async function fileKeys(t: TestApp, id: string): Promise<{ id: string; sha256: string }> {
  const rows = await t.orm.em.getConnection().execute<{ id: string; sha256: string }[]>('select id, sha256 from stored_files where id = ?', [id]);
  if (!rows[0]) throw new Error(`no stored file ${id}`);
  return rows[0];
}

export async function rowExists(t: TestApp, table: 'applications' | 'stored_files' | 'candidates', id: string): Promise<boolean> {
  const rows = await t.orm.em.getConnection().execute<{ n: string }[]>(`select count(*) as n from ${table} where id = ?`, [id]);
  return Number(rows[0]!.n) > 0;
}
