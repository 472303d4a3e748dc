import type { EntityManager } from '@mikro-orm/postgresql';

/** Rows per INSERT statement: big enough to amortize round trips, small enough to keep each statement short. */
export const SEED_CHUNK = 5_000;

const TEAMS = ['Engineering', 'Sales', 'Marketing', 'Product', 'Design', 'Customer Success', 'Finance', 'People', 'Operations', 'Legal'];
const DEPARTMENTS = ['R&D', 'Go-to-market', 'G&A'];
const COMMITMENTS = ['Full-time', 'Part-time', 'Contract', 'Internship'];
const LEVELS = ['Junior', 'Mid-level', 'Senior', 'Staff', 'Principal'];
const WORKPLACES = ['ON_SITE', 'REMOTE', 'HYBRID', 'UNSPECIFIED'];
const ROLES = ['Engineer', 'Manager', 'Analyst', 'Designer', 'Specialist', 'Lead', 'Coordinator', 'Architect', 'Consultant', 'Director'];
const SKILLS = ['TypeScript', 'PostgreSQL', 'Kubernetes', 'Salesforce', 'Figma', 'Python', 'Excel', 'Go', 'React', 'Negotiation', 'SEO', 'Rust'];
const CITIES: [string, string, string][] = [
  ['San Francisco', 'CA', 'US'],
  ['New York', 'NY', 'US'],
  ['Austin', 'TX', 'US'],
  ['London', 'England', 'GB'],
  ['Berlin', 'Berlin', 'DE'],
  ['Paris', 'Île-de-France', 'FR'],
  ['Toronto', 'ON', 'CA'],
  ['Lisbon', 'Lisboa', 'PT'],
  ['Sydney', 'NSW', 'AU'],
  ['Singapore', 'Singapore', 'SG'],
];

/**
 * One INSERT … SELECT over generate_series: PostgreSQL builds the rows itself, so
 * a chunk costs one round trip and no parameter marshalling. Values are picked
 * from the lists above by a hash of the row number, so data is varied (for facets
 * and search) yet deterministic. Every row is PUBLISHED, public, with distinct
 * publishedAt values spread over the past year.
 */
const INSERT_CHUNK = `
with lists as (
  select array[?]::text[] as teams, array[?]::text[] as departments, array[?]::text[] as commitments, array[?]::text[] as levels,
         array[?]::text[] as workplaces, array[?]::text[] as roles, array[?]::text[] as skills,
         array[?]::text[] as cities, array[?]::text[] as regions, array[?]::text[] as countries
), r as (
  select i, (hashint4(i)::bigint & 2147483647) as h, (hashint4(i + 7919)::bigint & 2147483647) as h2 from generate_series(?::int, ?::int) as i
), v as (
  select r.i, r.h, r.h2,
    l.teams[1 + r.h % array_length(l.teams, 1)] as team,
    l.departments[1 + r.h2 % array_length(l.departments, 1)] as department,
    l.commitments[1 + (r.h / 7) % array_length(l.commitments, 1)] as commitment,
    l.levels[1 + (r.h / 11) % array_length(l.levels, 1)] as level,
    l.workplaces[1 + (r.h / 13) % array_length(l.workplaces, 1)] as workplace,
    l.roles[1 + (r.h2 / 3) % array_length(l.roles, 1)] as role,
    l.skills[1 + (r.h2 / 17) % array_length(l.skills, 1)] as skill,
    1 + (r.h / 19) % array_length(l.cities, 1) as c,
    l.cities, l.regions, l.countries
  from r cross join lists l
)
insert into postings (id, organization_id, title, state, confidential, requisition_code, team, department, commitment, level,
  workplace_type, locations, location_names, country, opening_html, opening_plain, description_html, description_plain,
  lists, salary_range, questions, published_at, created_at, updated_at, created_by_type, created_by_name)
select gen_random_uuid(), ?::uuid, v.level || ' ' || v.skill || ' ' || v.role, 'PUBLISHED', false, 'SYN-' || v.i, v.team, v.department,
  v.commitment, v.level, v.workplace,
  jsonb_build_array(jsonb_build_object('name', v.cities[v.c], 'city', v.cities[v.c], 'region', v.regions[v.c], 'countryCode', v.countries[v.c], 'postalCode', null)),
  array[lower(v.cities[v.c])], v.countries[v.c],
  '<p>Join our ' || v.team || ' team.</p>', 'Join our ' || v.team || ' team.',
  '<p>You will work with ' || v.skill || ' every day as a ' || lower(v.role) || ' in ' || v.cities[v.c] || '.</p>',
  'You will work with ' || v.skill || ' every day as a ' || lower(v.role) || ' in ' || v.cities[v.c] || '.',
  '[]'::jsonb,
  jsonb_build_object('min', 40000 + (v.h % 60) * 1000, 'max', 100000 + (v.h % 60) * 1000, 'currency', 'USD', 'interval', 'PER_YEAR'),
  '[]'::jsonb,
  now() - (v.i * interval '1 second') - (v.h % 1000) * interval '1 microsecond',
  now(), now(), 'SYSTEM', 'seed'
from v`;

/** Inserts `count` synthetic published postings for an organization, in chunks, reporting progress after each. */
export async function insertSyntheticPostings(
  em: EntityManager,
  organizationId: string,
  count: number,
  onProgress: (inserted: number) => void = () => {},
): Promise<number> {
  const conn = em.getConnection();
  // Continue numbering after earlier seeds, so requisition codes and publishedAt stay distinct.
  const [row] = await conn.execute<{ n: string }[]>(`select count(*) as n from postings where organization_id = ?`, [organizationId]);
  const offset = Number(row?.n ?? 0);
  const lists = [TEAMS, DEPARTMENTS, COMMITMENTS, LEVELS, WORKPLACES, ROLES, SKILLS, CITIES.map((c) => c[0]), CITIES.map((c) => c[1]), CITIES.map((c) => c[2])];
  let inserted = 0;
  while (inserted < count) {
    const size = Math.min(SEED_CHUNK, count - inserted);
    const from = offset + inserted + 1;
    await conn.execute(INSERT_CHUNK, [...lists, from, from + size - 1, organizationId]);
    inserted += size;
    onProgress(inserted);
  }
  return inserted;
}
