import { Entity, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Organization } from '../organizations/entities.api';

/**
 * Per-organization counts of publicly visible postings: the total (facet `_total`,
 * value '') and one row per facet and exact spelling (`teams`/`Engineering`,
 * `teams`/`engineering` are two rows; the read groups them case-insensitively).
 * Kept by statement triggers on `postings`, so every writer updates it in its own
 * transaction. Read and swept only through `posting-counts.repository.ts`.
 */
@Entity({ tableName: 'posting_counts' })
export class PostingCount {
  @ManyToOne(() => Organization, { ref: true, primary: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @PrimaryKey({ type: 'text' })
  facet!: string;

  @PrimaryKey({ type: 'text' })
  value!: string;

  @Property({ type: 'integer' })
  count!: number;
}
