import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SQL_ONLY_TABLE_OWNERS, VIEW_OWNERS } from '../../src/db/table-owners';
import { createdInMigrations, entityTableOwners, ownerOfFile, sourceFiles, sqlReferences, type SqlReference } from './sql-references';

const SRC = path.resolve(__dirname, '../../src');
const MIGRATIONS = path.join(SRC, 'db/migrations');

const files = sourceFiles(SRC, (f) => f === MIGRATIONS);
const tableOwners = new Map([...entityTableOwners(files), ...Object.entries(SQL_ONLY_TABLE_OWNERS)]);
const viewOwners = new Map(Object.entries(VIEW_OWNERS));
const created = createdInMigrations(MIGRATIONS);
const references = files.flatMap((file) => sqlReferences(file, fs.readFileSync(file, 'utf8'), new Set([...tableOwners.keys(), ...viewOwners.keys()])));
const where = (r: SqlReference) => `${path.relative(SRC, r.file)}:${r.line} ${r.verb} ${r.name} (owner ${tableOwners.get(r.name) ?? viewOwners.get(r.name)})`;

describe('table ownership', () => {
  it('every table and view the migrations create has one owner', () => {
    expect([...created.tables].filter((t) => !tableOwners.has(t))).toEqual([]);
    expect([...created.views].filter((v) => !viewOwners.has(v))).toEqual([]);
    expect([...viewOwners.keys()].filter((v) => !created.views.has(v))).toEqual([]);
  });

  it("a view reads only its owner's tables (the owner defines what others may read)", () => {
    expect(created.viewSources.size).toBeGreaterThan(0);
    for (const [view, sources] of created.viewSources) {
      expect(sources.length, view).toBeGreaterThan(0);
      for (const table of sources) expect(`${view} reads ${table} (owner ${tableOwners.get(table)})`).toBe(`${view} reads ${table} (owner ${viewOwners.get(view)})`);
    }
  });

  it('sees the SQL (the scan finds the owners writing their own tables)', () => {
    // A scanner that read nothing would pass the rules below; these writes must be seen.
    const writes = new Set(references.filter((r) => r.kind === 'write').map((r) => `${ownerOfFile(r.file)}:${r.name}`));
    for (const expected of ['applications:applications', 'uploads:stored_files', 'audit:audit_events', 'webhooks:webhook_messages', 'db:job_queue_ticks']) expect(writes).toContain(expected);
  });

  it('a table is written only by its owner', () => {
    const foreign = references.filter((r) => r.kind === 'write' && tableOwners.get(r.name) !== ownerOfFile(r.file));
    expect(foreign.map(where)).toEqual([]);
  });

  it("another module's data is read only through a view its owner defines", () => {
    const foreign = references.filter((r) => r.kind === 'read' && tableOwners.has(r.name) && tableOwners.get(r.name) !== ownerOfFile(r.file));
    expect(foreign.map(where)).toEqual([]);
  });
});
