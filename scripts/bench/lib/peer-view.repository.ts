import pg from 'pg';
import { publiclyVisibleSql } from '../../../src/modules/postings/public-visibility';

/** The schema PostGraphile introspects: it holds only the view, so the peer exposes nothing else. */
export const PEER_SCHEMA = 'bench_peer';

/**
 * What PostGraphile serves: one organization's publicly visible postings as a view
 * in the bench database (a bench fixture, not a product migration). The rule is
 * Jobgate's own `publiclyVisibleSql` (published, not confidential, not expired,
 * with the statement's now()), so the two sides cannot drift. No ORDER BY: the
 * peer orders through its `orderBy` argument. hostedUrl/applyUrl are computed as
 * posting-urls.ts does, from the organization's row (a LEFT JOIN on its primary
 * key, which PostgreSQL drops from count(*) since no column of it is read there).
 */
export async function createPeerView(databaseUrl: string, organizationId: string, publicUrl: string): Promise<void> {
  if (!/^[0-9a-f-]{36}$/.test(organizationId)) throw new Error(`not a uuid: ${organizationId}`);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const base = client.escapeLiteral(publicUrl.replace(/\/+$/, ''));
    const hosted = `coalesce(rtrim(o.settings->>'careers_site_url', '/') || '/' || p.id, ${base} || '/jobs/' || o.slug || '/' || p.id)`;
    await client.query(`create schema if not exists ${PEER_SCHEMA}`);
    await client.query(`create or replace view ${PEER_SCHEMA}.bench_visible_postings as
      select p.id, p.title, p.team, p.department, p.commitment, p.level, p.workplace_type, p.locations, p.country,
        p.opening_html, p.opening_plain, p.description_html, p.description_plain, p.additional_html, p.additional_plain,
        p.lists, p.salary_range, p.salary_description, p.questions,
        ${hosted} as hosted_url, ${hosted} || '/apply' as apply_url,
        p.published_at, p.updated_at
      from postings p left join organizations o on o.id = p.organization_id
      where p.organization_id = '${organizationId}' and ${publiclyVisibleSql('p')}`);
  } finally {
    await client.end();
  }
}

/**
 * VACUUM ANALYZE after seeding: sets the rows' hint bits and the visibility map and
 * gathers statistics, as a database in service has them. Without it the first timed
 * phase paid for that work (and for autovacuum running beside it): Jobgate, timed
 * first, ran 20–70 % above its later rounds.
 */
export async function settleAfterSeeding(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('vacuum (analyze) postings, posting_counts, organizations');
  } finally {
    await client.end();
  }
}
