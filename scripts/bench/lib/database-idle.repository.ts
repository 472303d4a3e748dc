import pg from 'pg';

/**
 * Waits until no other client backend of the database's server is running a statement.
 * A server under autocannon keeps executing the statements its pool had queued after
 * the load generator stops: a 100 000-posting GROUP-BY phase left a minute of such work
 * running into the phases after it, which then measured its leftovers (the "100 000
 * postings" anomaly). Idle means no such statement in 5 polls in a row, 100 ms apart (the
 * pool hands a queued statement to a freed connection at once, so one empty poll can fall
 * between two of them); up to `timeoutMs`, then it throws.
 */
export async function waitUntilDatabaseIdle(databaseUrl: string, timeoutMs = 300_000): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    let quiet = 0;
    for (;;) {
      const { rows } = await client.query<{ busy: number }>(
        `select count(*)::int as busy from pg_stat_activity where state = 'active' and backend_type = 'client backend' and pid <> pg_backend_pid()`,
      );
      quiet = rows[0]!.busy === 0 ? quiet + 1 : 0;
      if (quiet === 5) return;
      if (Date.now() > deadline) throw new Error(`PostgreSQL still ran ${rows[0]!.busy} statements ${timeoutMs} ms after the load stopped`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await client.end();
  }
}
