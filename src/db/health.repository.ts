import type { MikroORM } from '@mikro-orm/postgresql';

/** Readiness: does the database answer a trivial query through the pool? */
export async function databaseAnswers(orm: MikroORM): Promise<boolean> {
  try {
    await orm.em.getConnection().execute('select 1');
    return true;
  } catch {
    return false;
  }
}
