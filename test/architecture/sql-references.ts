import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** One table or view named by SQL text in a source file. */
export interface SqlReference {
  file: string;
  line: number;
  kind: 'read' | 'write';
  verb: string;
  name: string;
}

export function sourceFiles(dir: string, skip: (file: string) => boolean = () => false): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (skip(full)) return [];
    if (entry.isDirectory()) return sourceFiles(full, skip);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

// `delete from` and `insert into` before `from`, so their `from`/`into` are not read twice.
const VERBS = /\b(delete\s+from|insert\s+into|update|truncate|from|join)\s+(?:only\s+)?(?:"?([a-z_][a-z0-9_]*)"?\.)?"?([a-z_][a-z0-9_]*)"?/gi;
const WRITES = new Set(['delete from', 'insert into', 'update', 'truncate']);

/**
 * Every `verb table` in the file's string and template literals (comments and code are
 * not SQL, so they are not read; a table name built with `${…}` is not seen). Only names
 * in `known` count: the rest are CTEs, aliases, functions and English.
 */
export function sqlReferences(file: string, text: string, known: ReadonlySet<string>): SqlReference[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: SqlReference[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      const start = node.getStart(source);
      for (const match of node.text.matchAll(VERBS)) {
        const verb = match[1]!.toLowerCase().replace(/\s+/g, ' ');
        const schema = match[2]?.toLowerCase();
        const name = match[3]!.toLowerCase();
        if (schema && schema !== 'public') continue;
        if (!known.has(name)) continue;
        const line = source.getLineAndCharacterOfPosition(start).line + 1 + node.text.slice(0, match.index).split('\n').length - 1;
        found.push({ file, line, kind: WRITES.has(verb) ? 'write' : 'read', verb, name });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The owner of a source file: its module folder (`src/modules/<name>/…`) or its layer (`src/<layer>/…`). */
export function ownerOfFile(file: string): string {
  const parts = file.split(path.sep).join('/').split('/');
  const src = parts.indexOf('src');
  if (parts[src + 1] === 'modules') return parts[src + 2]!;
  return parts.length > src + 2 ? parts[src + 1]! : 'src';
}

/** Tables with an entity, owned by the module whose folder holds the entity. */
export function entityTableOwners(files: readonly string[]): Map<string, string> {
  const owners = new Map<string, string>();
  for (const file of files.filter((f) => f.endsWith('.entity.ts'))) {
    for (const match of fs.readFileSync(file, 'utf8').matchAll(/@Entity\(\{[^}]*tableName:\s*'([a-z_0-9]+)'/g)) owners.set(match[1]!, ownerOfFile(file));
  }
  return owners;
}

/** Tables and views the migrations create (in the public schema). */
export function createdInMigrations(migrationsDir: string): { tables: Set<string>; views: Set<string>; viewSources: Map<string, string[]> } {
  const tables = new Set<string>();
  const views = new Set<string>();
  const viewSources = new Map<string, string[]>();
  for (const file of sourceFiles(migrationsDir)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(/create\s+table\s+(?:if\s+not\s+exists\s+)?"?([a-z_0-9]+)"?/gi)) tables.add(match[1]!.toLowerCase());
    for (const match of text.matchAll(/create\s+(?:or\s+replace\s+)?view\s+"?([a-z_0-9]+)"?\s+as\s+([^;`]*)/gi)) {
      const name = match[1]!.toLowerCase();
      views.add(name);
      viewSources.set(name, [...match[2]!.matchAll(/\b(?:from|join)\s+"?([a-z_][a-z0-9_]*)"?/gi)].map((m) => m[1]!.toLowerCase()));
    }
  }
  return { tables, views, viewSources };
}
