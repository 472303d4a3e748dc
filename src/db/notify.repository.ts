import type { MikroORM } from '@mikro-orm/postgresql';

/** Sends `payload` on `channel` to every instance LISTENing (see PgNotifier). */
export type Publish = (channel: string, payload: string) => Promise<void>;

/**
 * NOTIFY through the ordinary pool, outside any transaction: call it after the change
 * committed, so listeners never hear of a change they cannot read yet.
 */
export function pgPublisher(orm: MikroORM): Publish {
  return async (channel, payload) => {
    await orm.em.getConnection().execute('select pg_notify(?, ?)', [channel, payload]);
  };
}
