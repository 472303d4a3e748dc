import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import 'reflect-metadata';
import type { TestProject } from 'vitest/node';
import { connectOrm } from '../../src/app/orm-config';
import { migrate, withDatabase } from '../../src/db/database';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded-postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    serverUrl: string;
    templateDatabase: string;
  }
}

/**
 * Starts one PostgreSQL (embedded, or TEST_DATABASE_URL's server), migrates a
 * template database once, and hands its name to the test files, which each
 * clone their own database from it.
 */
export default async function setup(project: TestProject) {
  let server: EmbeddedDatabase | undefined;
  let dir: string | undefined;
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jobgate-test-'));
    server = await startEmbeddedPostgres(dir, { durable: false });
    serverUrl = server.url;
  }
  const templateDatabase = `jobgate_tpl_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${templateDatabase}`);
  const templateUrl = withDatabase(serverUrl, templateDatabase);
  const orm = await connectOrm({ clientUrl: templateUrl, poolMax: 2 });
  await migrate(orm, templateUrl);
  await orm.close();
  project.provide('serverUrl', serverUrl);
  project.provide('templateDatabase', templateDatabase);

  return async () => {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`,
      [`${templateDatabase}_%`, templateDatabase],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await admin.end();
    await server?.stop();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  };
}
