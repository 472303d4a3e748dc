import type { EntityManager } from '@mikro-orm/postgresql';

/** Postings SQL that the entity manager cannot express, run in the caller's transaction. */
export class PostingRepository {
  /** Applications of a posting (it cannot be deleted while it has any). */
  async applicationCount(em: EntityManager, postingId: string): Promise<number> {
    const [row] = await em
      .getConnection()
      .execute<{ n: string }[]>(`select count(*) as n from applications where posting_id = ?`, [postingId], 'all', em.getTransactionContext());
    return Number(row?.n ?? 0);
  }
}
