import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CONFIDENTIAL_POSTING_IDS_SQL } from '../postings';
import { EEO_QUESTIONS, type EeoKey } from './categories.api';
import type { EeoAnswers } from './eeo-answers';

export interface NewEeoResponse {
  organizationId: string;
  applicationId: string;
  postingId: string;
  answers: EeoAnswers;
}

export interface EeoCountQuery {
  organizationId: string;
  postingId: string | null;
  from: Date | null;
  to: Date | null;
  allowConfidential: boolean;
}

/** One row of the counts: how many responses gave `answer` to the question stored in column `key`. */
export interface EeoCountRow {
  key: EeoKey;
  answer: string;
  count: number;
}

// Column names come from categories.api.ts (code, never input).
const COLUMNS = EEO_QUESTIONS.map((spec) => spec.key);

/** The eeo_responses table's SQL: it is written and read here only. */
export class EeoRepository {
  async insert(em: EntityManager, row: NewEeoResponse): Promise<void> {
    await em.getConnection().execute(
      `insert into eeo_responses (id, organization_id, application_id, posting_id, ${COLUMNS.join(', ')}, created_at) values (?, ?, ?, ?, ${COLUMNS.map(() => '?').join(', ')}, now())`,
      [randomUUID(), row.organizationId, row.applicationId, row.postingId, ...COLUMNS.map((key) => row.answers[key] ?? null)],
      'run',
      em.getTransactionContext(),
    );
  }

  /** Per question and answer, how many responses match the filter (one statement; answers no one gave are absent). */
  async counts(em: EntityManager, query: EeoCountQuery): Promise<{ rows: EeoCountRow[]; responses: number }> {
    const where = `e.organization_id = ? and (?::uuid is null or e.posting_id = ?::uuid)
      and (?::timestamptz is null or e.created_at >= ?::timestamptz) and (?::timestamptz is null or e.created_at < ?::timestamptz)
      and (?::boolean or e.posting_id not in (${CONFIDENTIAL_POSTING_IDS_SQL}))`;
    const params = [query.organizationId, query.postingId, query.postingId, query.from, query.from, query.to, query.to, query.allowConfidential, query.organizationId];
    const rows = await em.getConnection().execute<{ key: EeoKey | null; answer: string | null; n: string }[]>(
      `with filtered as (select ${COLUMNS.map((c) => `e.${c}`).join(', ')} from eeo_responses e where ${where})
       select null as key, null as answer, count(*) as n from filtered
       ${COLUMNS.map((c) => `union all select '${c}', ${c}, count(*) from filtered where ${c} is not null group by ${c}`).join('\n       ')}`,
      params,
      'all',
      em.getTransactionContext(),
    );
    const total = rows.find((r) => r.key === null);
    return {
      responses: Number(total?.n ?? 0),
      rows: rows.filter((r): r is { key: EeoKey; answer: string; n: string } => r.key !== null && r.answer !== null).map((r) => ({ key: r.key, answer: r.answer, count: Number(r.n) })),
    };
  }
}
