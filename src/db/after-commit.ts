import type { EventSubscriber, MikroORM, TransactionEventArgs } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Knex } from 'knex';

/**
 * Work to run once a transaction has committed: never if it rolls back, and at once when
 * the EntityManager is in no transaction (its statements committed as they ran). A
 * savepoint's release is not a commit, so work queued in a nested transaction waits for
 * the outermost one. MikroORM announces the outermost commit and rollback to subscribers;
 * knex links a savepoint to its parent (`parentTransaction`).
 */
export class CommitHooks implements EventSubscriber {
  private readonly pending = new WeakMap<object, (() => void)[]>();

  /** Hooks into `orm`'s event manager, which every fork shares. */
  static install(orm: MikroORM): CommitHooks {
    const hooks = new CommitHooks();
    orm.em.getEventManager().registerSubscriber(hooks);
    return hooks;
  }

  afterCommit(em: EntityManager, fn: () => void): void {
    let trx = em.getTransactionContext<Knex.Transaction>();
    if (!trx) {
      fn();
      return;
    }
    while (trx.parentTransaction) trx = trx.parentTransaction;
    const queued = this.pending.get(trx);
    if (queued) queued.push(fn);
    else this.pending.set(trx, [fn]);
  }

  afterTransactionCommit(args: TransactionEventArgs): void {
    const queued = args.transaction ? this.pending.get(args.transaction as object) : undefined;
    if (!queued) return;
    this.pending.delete(args.transaction as object);
    for (const fn of queued) fn();
  }

  afterTransactionRollback(args: TransactionEventArgs): void {
    if (args.transaction) this.pending.delete(args.transaction as object);
  }
}
