import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { withDatabase } from '../../src/db/database';

/** A fresh, fully migrated database for one test file, cloned from the template in milliseconds. */
export async function createTestDatabase(): Promise<string> {
  const serverUrl = inject('serverUrl');
  const template = inject('templateDatabase');
  const name = `${template}_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await client.end();
  }
  return withDatabase(serverUrl, name);
}

/** An empty database (no migrations applied), dropped with the template's clones at the end of the run. */
export async function createEmptyDatabase(): Promise<string> {
  const serverUrl = inject('serverUrl');
  const name = `${inject('templateDatabase')}_empty_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return withDatabase(serverUrl, name);
}
