import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
const PG_DUMPS = ['pg_dump', '/usr/lib/postgresql/18/bin/pg_dump', '/usr/lib/postgresql/17/bin/pg_dump'];

/**
 * Every row of every table of the database as text, to grep for personal data.
 * `pg_dump --data-only` when a pg_dump at least as new as the server is installed;
 * otherwise (pg_dump refuses a newer server) each table's rows cast to text, which
 * is what a data-only dump holds, minus the COPY framing. `tool` says which ran.
 */
export async function dumpDatabase(databaseUrl: string): Promise<{ text: string; tool: string }> {
  for (const bin of PG_DUMPS) {
    try {
      const { stdout } = await run(bin, ['--data-only', '--no-owner', databaseUrl], { maxBuffer: 512 * 1024 * 1024 });
      return { text: stdout, tool: bin };
    } catch {
      // absent, or older than the server: try the next, then the SQL fallback
    }
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = await client.query<{ schema: string; name: string }>(
      `select table_schema as schema, table_name as name from information_schema.tables
       where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`,
    );
    const parts: string[] = [];
    for (const { schema, name } of tables.rows) {
      const rows = await client.query<{ row: string }>(`select t::text as row from ${client.escapeIdentifier(schema)}.${client.escapeIdentifier(name)} t`);
      parts.push(`-- ${schema}.${name}`, ...rows.rows.map((r) => r.row));
    }
    return { text: parts.join('\n'), tool: `sql (${tables.rows.length} tables)` };
  } finally {
    await client.end();
  }
}
