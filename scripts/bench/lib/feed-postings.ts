import http from 'node:http';
import type pg from 'pg';
import { leverPostings } from '../../../src/modules/postings/demo/lever-postings';

/** GETs the url and counts bytes without keeping them; resolves at the last byte. */
export function fetchCounting(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        if (res.statusCode !== 200) reject(new Error(`GET ${url} answered ${res.statusCode}`));
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => resolve(bytes));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/**
 * N published postings in one INSERT … SELECT over generate_series, cycling through
 * the 19 real Lever postings for realistic HTML sizes (2–4 KB per posting).
 */
export async function seedPostings(client: pg.Client, organizationId: string, n: number): Promise<void> {
  const lever = leverPostings();
  await client.query('create temp table if not exists lever_templates (n int, title text, team text, commitment text, city text, description_html text, lists jsonb, additional_html text)');
  await client.query('truncate lever_templates');
  for (const [i, p] of lever.entries()) {
    await client.query('insert into lever_templates values ($1, $2, $3, $4, $5, $6, $7, $8)', [
      i,
      p.text,
      p.categories.team ?? null,
      p.categories.commitment ?? null,
      p.categories.location ?? 'San Francisco',
      p.description,
      JSON.stringify(p.lists.map((l) => ({ title: l.text, contentHtml: l.content, contentPlain: '' }))),
      p.additional,
    ]);
  }
  await client.query(
    `insert into postings (id, organization_id, title, state, team, commitment, workplace_type, locations, location_names, country,
       description_html, lists, additional_html, salary_range, questions, published_at, created_at, updated_at, created_by_type, created_by_name)
     select gen_random_uuid(), $1, t.title || ' #' || i, 'PUBLISHED', t.team, t.commitment, 'HYBRID',
       jsonb_build_array(jsonb_build_object('name', t.city, 'city', t.city, 'region', 'CA', 'countryCode', 'US', 'postalCode', null)),
       array[lower(t.city)], 'US', t.description_html, t.lists, t.additional_html,
       '{"min": 120000, "max": 150000, "currency": "USD", "interval": "PER_YEAR"}'::jsonb, '[]',
       now() - i * interval '1 second', now(), now(), 'SYSTEM', 'bench'
     from generate_series(1, $2::int) as i join lever_templates t on t.n = i % $3`,
    [organizationId, n, lever.length],
  );
}
