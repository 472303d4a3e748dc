import { Migration } from '@mikro-orm/migrations';

/*
 * posting_counts: per-organization totals and facet counts of publicly visible
 * postings, kept by triggers so that every writer (the service, seeders, raw SQL)
 * updates them in the writing transaction.
 *
 * - A BEFORE trigger sets `postings.counted` to the visibility rule on every insert
 *   and update (the same rule as modules/postings/public-visibility.ts).
 * - AFTER ... FOR EACH STATEMENT triggers with transition tables add the counted
 *   new rows and subtract the counted old rows, one grouped upsert per statement
 *   (a 100 000-row seed is one upsert, not 100 000).
 * - A posting that expires with time stays counted until the expiry sweep updates it
 *   (the BEFORE trigger then clears `counted`, the AFTER trigger subtracts it); the
 *   read subtracts counted rows already past their expiry.
 */

const VISIBLE = `new.state = 'PUBLISHED' and new.confidential = false and (new.expires_at is null or new.expires_at > now())`;

/** (organization_id, facet, value, n) for each row of `rows`, signed by `sign`. */
function contributions(rows: string, sign: string): string {
  const facet = (name: string, column: string) => `select organization_id, '${name}'::text, ${column}, ${sign} from ${rows} where counted and ${column} is not null`;
  return [
    `select organization_id, '_total'::text as facet, ''::text as value, ${sign} as n from ${rows} where counted`,
    facet('teams', 'team'),
    facet('departments', 'department'),
    facet('commitments', 'commitment'),
    facet('levels', 'level'),
    facet('workplaceTypes', 'workplace_type'),
    facet('countries', 'country'),
    `select organization_id, 'locations', l->>'name', ${sign} from ${rows} cross join lateral jsonb_array_elements(locations) l where counted and l->>'name' is not null`,
  ].join('\n      union all ');
}

/** The grouped, ordered (to avoid deadlocks between writers) non-zero delta. */
const delta = (parts: string) => `select organization_id, facet, value, sum(n)::int as n from (${parts}) c group by 1, 2, 3 having sum(n) <> 0 order by 1, 2, 3`;

const upsert = (parts: string) =>
  `insert into posting_counts as pc (organization_id, facet, value, count) ${delta(parts)}
    on conflict (organization_id, facet, value) do update set count = pc.count + excluded.count;`;

export class Migration20261202120000_posting_counts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "posting_counts" ("organization_id" uuid not null, "facet" text not null, "value" text not null, "count" int not null, constraint "posting_counts_pkey" primary key ("organization_id", "facet", "value"));`);
    this.addSql(`alter table "posting_counts" add constraint "posting_counts_organization_id_foreign" foreign key ("organization_id") references "organizations" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "postings" add column "counted" boolean not null default false;`);
    this.addSql(`update "postings" set "counted" = (state = 'PUBLISHED' and confidential = false and (expires_at is null or expires_at > now()));`);
    this.addSql(`create index "postings_counted_expires_index" on "postings" ("organization_id", "expires_at") where counted and expires_at is not null;`);
    this.addSql(`insert into posting_counts (organization_id, facet, value, count) ${delta(contributions('postings', '1'))};`);

    this.addSql(`create function postings_set_counted() returns trigger language plpgsql as $$
begin
  new.counted := ${VISIBLE};
  return new;
end $$;`);
    this.addSql(`create trigger postings_set_counted before insert or update on postings for each row execute function postings_set_counted();`);

    this.addSql(`create function posting_counts_after_insert() returns trigger language plpgsql as $$
begin
  ${upsert(contributions('new_rows', '1'))}
  return null;
end $$;`);
    this.addSql(`create function posting_counts_after_update() returns trigger language plpgsql as $$
begin
  ${upsert(`${contributions('new_rows', '1')}\n      union all ${contributions('old_rows', '-1')}`)}
  return null;
end $$;`);
    // Deletes only subtract from rows that exist: when an organization is deleted, its counts may already be gone (cascade).
    this.addSql(`create function posting_counts_after_delete() returns trigger language plpgsql as $$
begin
  update posting_counts pc set count = pc.count + d.n from (${delta(contributions('old_rows', '-1'))}) d
    where pc.organization_id = d.organization_id and pc.facet = d.facet and pc.value = d.value;
  return null;
end $$;`);
    this.addSql(`create trigger posting_counts_after_insert after insert on postings referencing new table as new_rows for each statement execute function posting_counts_after_insert();`);
    this.addSql(`create trigger posting_counts_after_update after update on postings referencing old table as old_rows new table as new_rows for each statement execute function posting_counts_after_update();`);
    this.addSql(`create trigger posting_counts_after_delete after delete on postings referencing old table as old_rows for each statement execute function posting_counts_after_delete();`);

    // The planner has no statistics on lower(team) etc. without these: it guessed 50 rows for a team filter and
    // chose a full scan + sort over the newest-first index (issue 14). Expression statistics, PostgreSQL 14+.
    this.addSql(`create statistics "postings_lower_categories_stats" on lower(team), lower(department) from postings;`);
    this.addSql(`create statistics "postings_lower_commitment_level_stats" on lower(commitment), lower(level) from postings;`);
    this.addSql(`create index "postings_public_team_index" on "postings" ("organization_id", lower("team"), "published_at" desc, "id" desc) where state = 'PUBLISHED' and confidential = false;`);
    this.addSql(`create index "postings_public_department_index" on "postings" ("organization_id", lower("department"), "published_at" desc, "id" desc) where state = 'PUBLISHED' and confidential = false;`);
    this.addSql(`analyze postings;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop statistics if exists "postings_lower_categories_stats";`);
    this.addSql(`drop statistics if exists "postings_lower_commitment_level_stats";`);
    this.addSql(`drop trigger posting_counts_after_delete on postings;`);
    this.addSql(`drop trigger posting_counts_after_update on postings;`);
    this.addSql(`drop trigger posting_counts_after_insert on postings;`);
    this.addSql(`drop trigger postings_set_counted on postings;`);
    this.addSql(`drop function posting_counts_after_delete();`);
    this.addSql(`drop function posting_counts_after_update();`);
    this.addSql(`drop function posting_counts_after_insert();`);
    this.addSql(`drop function postings_set_counted();`);
    this.addSql(`drop index "postings_counted_expires_index";`);
    this.addSql(`drop index "postings_public_team_index";`);
    this.addSql(`drop index "postings_public_department_index";`);
    this.addSql(`alter table "postings" drop column "counted";`);
    this.addSql(`drop table if exists "posting_counts" cascade;`);
  }
}
