/**
 * Writes a migration for the difference between the entities and a freshly
 * migrated scratch database: `npm run migration:create -- name`.
 * Then add the new class to src/db/migrations/index.ts.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connectOrm } from '../src/app/orm-config';
import { migrate, withDatabase } from '../src/db/database';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs/promises';

async function main() {
  const name = process.argv.slice(2).find((a) => a !== '--') ?? 'change';
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jobgate-migration-'));
  const server = await startEmbeddedPostgres(dir, { durable: false });
  const dbName = `scratch_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client(server.url);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const url = withDatabase(server.url, dbName);
  const orm = await connectOrm({ clientUrl: url });
  try {
    await migrate(orm, url);
    const result = await orm.getMigrator().createMigration('src/db/migrations', false, false, name);
    console.log(result.diff.up.length ? `wrote ${result.fileName}` : 'no changes');
    if (!result.diff.up.length) await fs.rm(path.join('src/db/migrations', result.fileName), { force: true });
  } finally {
    await orm.close();
    await server.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

void main();
