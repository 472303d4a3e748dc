import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { connectOrm } from '../../src/app/orm-config';
import { createTestDatabase } from '../helpers/database';

describe('entities and migrations', () => {
  let orm: MikroORM;
  beforeAll(async () => {
    orm = await connectOrm({ clientUrl: await createTestDatabase(), poolMax: 2 });
  });
  afterAll(async () => orm?.close());

  it('the migrated schema matches the entities (an entity change without a migration fails)', async () => {
    const sql = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
    expect(
      sql.trim(),
      'Entities and migrations differ. Run `npm run migration:create -- <name>` and add the migration to src/db/migrations/index.ts.',
    ).toBe('');
  });

  it('no migration is pending on the template', async () => {
    expect(await orm.getMigrator().getPendingMigrations()).toEqual([]);
  });
});
