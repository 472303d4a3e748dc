import { Migration } from '@mikro-orm/migrations';

/*
 * Recording an upload in one statement (the uploads module's StoredFileRepository.stage):
 * the unclaimed-bytes caps, the file's row and its audit event were BEGIN, an advisory
 * lock, a usage sum, two inserts and COMMIT, six round trips per candidate. A function
 * called outside a transaction is one implicit transaction, so nothing is half-written.
 * It must be plpgsql, not one CTE: a statement's snapshot is taken before its lock is
 * granted, so a CTE's sum would miss uploads committed while it waited; in a function,
 * each statement after `pg_advisory_xact_lock` sees what committed before the lock.
 * Refused: one row naming the share over its cap ('ip', 'posting', 'organization',
 * checked in that order), with its unclaimed bytes and oldest upload; stored: no row.
 */
export class Migration20261204160000_stage_upload_function extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function stage_upload(file jsonb, audit jsonb, caps jsonb)
  returns table (refused text, bytes bigint, oldest timestamptz)
  language plpgsql volatile as $$
declare
  f stored_files := jsonb_populate_record(null::stored_files, file);
  per_ip bigint := coalesce((caps->>'ip')::bigint, 0);
  per_posting bigint := coalesce((caps->>'posting')::bigint, 0);
  per_organization bigint := coalesce((caps->>'organization')::bigint, 0);
  u record;
begin
  f.created_at := coalesce(f.created_at, now());
  if (per_ip > 0 and f.staged_from_ip is not null) or (per_posting > 0 and f.staged_for_posting is not null) or per_organization > 0 then
    perform pg_advisory_xact_lock(hashtext('uploads:' || f.organization_id::text));
    select coalesce(sum(s.size), 0) as all_bytes, min(s.created_at) as all_oldest,
        coalesce(sum(s.size) filter (where s.staged_from_ip = f.staged_from_ip), 0) as ip_bytes,
        min(s.created_at) filter (where s.staged_from_ip = f.staged_from_ip) as ip_oldest,
        coalesce(sum(s.size) filter (where s.staged_for_posting = f.staged_for_posting), 0) as posting_bytes,
        min(s.created_at) filter (where s.staged_for_posting = f.staged_for_posting) as posting_oldest
      into u
      from stored_files s where s.organization_id = f.organization_id and s.claimed_at is null;
    if per_ip > 0 and f.staged_from_ip is not null and u.ip_bytes + f.size > per_ip then
      return query select 'ip'::text, u.ip_bytes::bigint, u.ip_oldest;
      return;
    end if;
    if per_posting > 0 and f.staged_for_posting is not null and u.posting_bytes + f.size > per_posting then
      return query select 'posting'::text, u.posting_bytes::bigint, u.posting_oldest;
      return;
    end if;
    if per_organization > 0 and u.all_bytes + f.size > per_organization then
      return query select 'organization'::text, u.all_bytes::bigint, u.all_oldest;
      return;
    end if;
  end if;
  insert into stored_files select (f).*;
  insert into audit_events select (jsonb_populate_record(null::audit_events, audit || jsonb_build_object('at', now()))).*;
end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function stage_upload(jsonb, jsonb, jsonb);`);
  }
}
