import type { EntityManager } from '@mikro-orm/postgresql';

/** A stored endpoint, as the service sees it (the secrets stay encrypted here). */
export interface EndpointRow {
  id: string;
  organization_id: string;
  url: string;
  event_types: string[];
  description: string | null;
  allow_confidential: boolean;
  status: 'ENABLED' | 'DISABLED';
  disabled_reason: string | null;
  encrypted_secret: string;
  previous_encrypted_secret: string | null;
  previous_secret_expires_at: Date | null;
  owner_credential_id: string | null;
  owner_user_id: string | null;
  failing_since: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface MessageRow {
  id: string;
  endpoint_id: string;
  organization_id: string;
  event_type: string;
  body: string;
  confidential: boolean;
  status: 'PENDING' | 'DELIVERING' | 'DELIVERED' | 'FAILED' | 'SUPPRESSED';
  /** The token of the batch a pump put the message in, until its job claims it. */
  batch: string | null;
  attempt_count: number;
  next_attempt_at: Date | null;
  created_at: Date;
}

export interface AttemptRow {
  message_id: string;
  at: Date;
  status_code: number | null;
  duration_ms: number;
  error: string | null;
  response_excerpt: string | null;
}

/** The owner of an endpoint as it is NOW: the key's grant and state, or the user's role. */
export interface OwnerRow {
  kind: 'KEY' | 'USER';
  active: boolean;
  operations: string[] | null;
  full_access: boolean | null;
  catalog_version: number | null;
  allow_confidential: boolean | null;
  role: string | null;
  can_manage_api_credentials: boolean | null;
}

export type EndpointChanges = Partial<Pick<EndpointRow, 'url' | 'event_types' | 'description' | 'allow_confidential' | 'status' | 'disabled_reason' | 'encrypted_secret' | 'previous_encrypted_secret' | 'previous_secret_expires_at' | 'failing_since'>>;

/** Which endpoints of an organization an event goes to. */
export interface Audience {
  organizationId: string;
  eventType: string;
  /** Confidential data: only endpoints with allowConfidential. */
  confidential: boolean;
  /** Only endpoints WITHOUT allowConfidential (a posting made confidential leaves their view). */
  withoutConfidentialOnly?: boolean;
}

/** The driver may hand timestamptz back as strings; rows leave this file with Dates. */
function withDates<T extends object>(row: T | undefined, columns: readonly string[]): T | undefined {
  if (!row) return row;
  const out = { ...row } as Record<string, unknown>;
  for (const column of columns) if (out[column] != null && !(out[column] instanceof Date)) out[column] = new Date(out[column] as string);
  return out as T;
}
const ENDPOINT_DATES = ['previous_secret_expires_at', 'failing_since', 'created_at', 'updated_at'];
const MESSAGE_DATES = ['next_attempt_at', 'created_at'];
const endpointOf = (row: EndpointRow | undefined) => withDates(row, ENDPOINT_DATES) ?? null;
const messageOf = (row: MessageRow | undefined) => withDates(row, MESSAGE_DATES) ?? null;

/** A text[] bound as one JSON parameter (knex would spread a JS array into several). */
const TEXT_ARRAY = 'array(select jsonb_array_elements_text(?::jsonb))';

const ENDPOINT_COLUMNS = [
  'url',
  'event_types',
  'description',
  'allow_confidential',
  'status',
  'disabled_reason',
  'encrypted_secret',
  'previous_encrypted_secret',
  'previous_secret_expires_at',
  'failing_since',
] as const;

/** The SQL of webhooks: endpoints, messages (one event for one endpoint) and their attempts. */
export class WebhookRepository {
  async insertEndpoint(em: EntityManager, row: Omit<EndpointRow, 'created_at' | 'updated_at' | 'status' | 'disabled_reason' | 'failing_since' | 'previous_encrypted_secret' | 'previous_secret_expires_at'>): Promise<EndpointRow> {
    const [created] = await em.execute<EndpointRow[]>(
      `insert into webhook_endpoints (id, organization_id, url, event_types, description, allow_confidential, encrypted_secret, owner_credential_id, owner_user_id)
       values (?, ?, ?, ${TEXT_ARRAY}, ?, ?, ?, ?, ?) returning *`,
      [row.id, row.organization_id, row.url, JSON.stringify(row.event_types), row.description, row.allow_confidential, row.encrypted_secret, row.owner_credential_id, row.owner_user_id],
    );
    return endpointOf(created)!;
  }

  async findEndpoint(em: EntityManager, organizationId: string, id: string, lock = false): Promise<EndpointRow | null> {
    const [row] = await em.execute<EndpointRow[]>(`select * from webhook_endpoints where id = ? and organization_id = ?${lock ? ' for update' : ''}`, [id, organizationId]);
    return endpointOf(row);
  }

  /** Oldest first, keyset-paginated on (created_at, id); `after` is the id of the previous page's last endpoint. */
  async listEndpoints(em: EntityManager, organizationId: string, first: number, after: string | null): Promise<{ rows: EndpointRow[]; total: number }> {
    const rows = await em.execute<EndpointRow[]>(
      `select * from webhook_endpoints e
        where organization_id = ?
          and (?::uuid is null or (created_at, id) > (select created_at, id from webhook_endpoints where id = ?::uuid and organization_id = e.organization_id))
        order by created_at, id limit ?`,
      [organizationId, after, after, first + 1],
    );
    const [count] = await em.execute<{ n: string }[]>(`select count(*)::text as n from webhook_endpoints where organization_id = ?`, [organizationId]);
    return { rows: rows.map((r) => endpointOf(r)!), total: Number(count?.n ?? 0) };
  }

  async updateEndpoint(em: EntityManager, organizationId: string, id: string, changes: EndpointChanges): Promise<EndpointRow | null> {
    const sets: string[] = ['updated_at = now()'];
    const params: unknown[] = [];
    for (const column of ENDPOINT_COLUMNS) {
      if (!(column in changes)) continue;
      sets.push(column === 'event_types' ? `${column} = ${TEXT_ARRAY}` : `${column} = ?`);
      params.push(column === 'event_types' ? JSON.stringify(changes[column]) : changes[column]);
    }
    const [row] = await em.execute<EndpointRow[]>(`update webhook_endpoints set ${sets.join(', ')} where id = ? and organization_id = ? returning *`, [...params, id, organizationId]);
    return endpointOf(row);
  }

  async deleteEndpoint(em: EntityManager, organizationId: string, id: string): Promise<boolean> {
    const rows = await em.execute<{ id: string }[]>(`delete from webhook_endpoints where id = ? and organization_id = ? returning id`, [id, organizationId]);
    return rows.length > 0;
  }

  /** One message per matching enabled endpoint, in the caller's transaction. Returns how many were written. */
  async insertMessages(em: EntityManager, audience: Audience, body: string): Promise<number> {
    const [row] = await em.execute<{ n: number }[]>(
      `with inserted as (
         insert into webhook_messages (id, endpoint_id, organization_id, event_type, body, confidential, next_attempt_at)
         select 'msg_' || replace(gen_random_uuid()::text, '-', ''), e.id, e.organization_id, ?, ?, ?, now()
           from webhook_endpoints e
          where e.organization_id = ? and e.status = 'ENABLED' and ? = any(e.event_types)
            and (not ? or e.allow_confidential) and (not ? or not e.allow_confidential)
         returning id
       )
       select count(*)::int as n from inserted`,
      [audience.eventType, body, audience.confidential, audience.organizationId, audience.eventType, audience.confidential, audience.withoutConfidentialOnly ?? false],
    );
    return row?.n ?? 0;
  }

  /** A test message for one endpoint, whatever its event types. */
  async insertMessage(em: EntityManager, endpoint: EndpointRow, eventType: string, body: string): Promise<string> {
    const [row] = await em.execute<{ id: string }[]>(
      `insert into webhook_messages (id, endpoint_id, organization_id, event_type, body, next_attempt_at)
       values ('msg_' || replace(gen_random_uuid()::text, '-', ''), ?, ?, ?, ?, now()) returning id`,
      [endpoint.id, endpoint.organization_id, eventType, body],
    );
    return row!.id;
  }

  /**
   * Puts up to `limit` due messages into batches of at most `batchSize`, each marked with
   * a fresh token, in one statement. SKIP LOCKED: pumps of several instances share the
   * rows. Returns each batch's token (the caller adds one delivery job per token in the
   * same transaction) and when the next message not yet due comes due, so the pump can
   * sleep until then instead of polling.
   */
  async batchDueMessages(em: EntityManager, limit: number, batchSize: number): Promise<{ tokens: string[]; nextDueAt: Date | null }> {
    const [row] = await em.execute<{ tokens: string[] | null; next_due_at: string | Date | null }[]>(
      `with picked as (
         select id, next_attempt_at from webhook_messages
          where status = 'PENDING' and batch is null and next_attempt_at <= now()
          order by next_attempt_at limit ? for update skip locked
       ), numbered as (
         select id, (row_number() over (order by next_attempt_at, id) - 1) / ? as chunk from picked
       ), tokens as (
         select chunk, gen_random_uuid() as token from numbered group by chunk
       ), marked as (
         update webhook_messages m set batch = t.token, queued_at = now()
           from numbered n join tokens t on t.chunk = n.chunk
          where m.id = n.id
         returning t.token
       )
       select (select array_agg(distinct token::text) from marked) as tokens,
              (select min(next_attempt_at) from webhook_messages where status = 'PENDING' and batch is null and next_attempt_at > now()) as next_due_at`,
      [limit, batchSize],
    );
    return { tokens: row?.tokens ?? [], nextDueAt: row?.next_due_at ? new Date(row.next_due_at) : null };
  }

  /**
   * Takes one batch's messages for one attempt each: only the batch's own job finds them
   * by its token. The lease keeps the recovery task away while the attempt is in flight.
   */
  async claimBatch(em: EntityManager, batch: string, leaseSeconds: number): Promise<MessageRow[]> {
    const rows = await em.execute<MessageRow[]>(
      `update webhook_messages
          set status = 'DELIVERING', lease_until = now() + make_interval(secs => ?), attempt_count = attempt_count + 1, batch = null, queued_at = null
        where batch = ? and status = 'PENDING'
        returning *`,
      [leaseSeconds, batch],
    );
    return rows.map((r) => messageOf(r)!);
  }

  async recordAttempt(em: EntityManager, attempt: AttemptRow): Promise<void> {
    await em.execute(`insert into webhook_attempts (message_id, at, status_code, duration_ms, error, response_excerpt) values (?, ?, ?, ?, ?, ?)`, [
      attempt.message_id,
      attempt.at,
      attempt.status_code,
      attempt.duration_ms,
      attempt.error,
      attempt.response_excerpt,
    ]);
  }

  /**
   * The common case, 2xx answers, for a whole batch in one statement (atomic on its own,
   * no BEGIN/COMMIT): the attempts, the messages DELIVERED, and their endpoints no longer failing.
   */
  async recordDelivered(em: EntityManager, attempts: readonly AttemptRow[]): Promise<void> {
    if (attempts.length === 0) return;
    await em.execute(
      `with done as (
         select * from jsonb_to_recordset(?::jsonb) as d(message_id text, at timestamptz, status_code int, duration_ms int, response_excerpt text)
       ), attempt as (
         insert into webhook_attempts (message_id, at, status_code, duration_ms, error, response_excerpt)
         select message_id, at, status_code, duration_ms, null, response_excerpt from done
       ), delivered as (
         update webhook_messages m set status = 'DELIVERED', next_attempt_at = null, lease_until = null
           from done where m.id = done.message_id
         returning m.endpoint_id
       )
       update webhook_endpoints set failing_since = null where id in (select endpoint_id from delivered) and failing_since is not null`,
      [JSON.stringify(attempts.map((a) => ({ message_id: a.message_id, at: a.at.toISOString(), status_code: a.status_code, duration_ms: a.duration_ms, response_excerpt: a.response_excerpt })))],
    );
  }

  async settleMessage(em: EntityManager, messageId: string, status: MessageRow['status'], nextAttemptAt: Date | null): Promise<void> {
    await em.execute(`update webhook_messages set status = ?, next_attempt_at = ?, lease_until = null where id = ?`, [status, nextAttemptAt, messageId]);
  }

  /**
   * Back to PENDING now, same id (a redelivery). A message already in a batch stays in it:
   * its job sends it. False when the message is not this endpoint's.
   */
  async requeueMessage(em: EntityManager, organizationId: string, endpointId: string, messageId: string): Promise<boolean> {
    const rows = await em.execute<{ id: string }[]>(
      `update webhook_messages set status = 'PENDING', next_attempt_at = now(), lease_until = null
        where id = ? and endpoint_id = ? and organization_id = ? and status <> 'DELIVERING' returning id`,
      [messageId, endpointId, organizationId],
    );
    return rows.length > 0;
  }

  /** Newest first; `after` is the id of the previous page's last message. */
  async listMessages(em: EntityManager, endpointId: string, first: number, after: string | null): Promise<{ rows: MessageRow[]; total: number }> {
    const rows = await em.execute<MessageRow[]>(
      `select * from webhook_messages m
        where endpoint_id = ?
          and (?::text is null or (created_at, id) < (select created_at, id from webhook_messages where id = ? and endpoint_id = m.endpoint_id))
        order by created_at desc, id desc limit ?`,
      [endpointId, after, after, first + 1],
    );
    const [count] = await em.execute<{ n: string }[]>(`select count(*)::text as n from webhook_messages where endpoint_id = ?`, [endpointId]);
    return { rows: rows.map((r) => messageOf(r)!), total: Number(count?.n ?? 0) };
  }

  async attemptsOf(em: EntityManager, messageIds: string[]): Promise<AttemptRow[]> {
    if (messageIds.length === 0) return [];
    const rows = await em.execute<AttemptRow[]>(`select * from webhook_attempts where message_id in (select jsonb_array_elements_text(?::jsonb)) order by at, id`, [JSON.stringify(messageIds)]);
    return rows.map((r) => withDates(r, ['at'])!);
  }

  /**
   * The endpoints a batch goes to, each with its owner as it is NOW (a key's state and
   * grant, or a user's role): one statement for the whole batch. An endpoint deleted
   * since is absent; an owner deleted since is null.
   */
  async endpointsWithOwners(em: EntityManager, endpointIds: readonly string[]): Promise<Map<string, { endpoint: EndpointRow; owner: OwnerRow | null }>> {
    const rows = await em.execute<(EndpointRow & { owner: OwnerRow | null })[]>(
      `select e.*,
              case
                when e.owner_credential_id is not null then
                  case when c.id is null then null else json_build_object(
                    'kind', 'KEY', 'active', c.revoked_at is null and (c.expires_at is null or c.expires_at > now()),
                    'operations', c.operations, 'full_access', c.full_access, 'catalog_version', c.catalog_version,
                    'allow_confidential', c.allow_confidential, 'role', null, 'can_manage_api_credentials', null) end
                else
                  case when u.id is null then null else json_build_object(
                    'kind', 'USER', 'active', u.active, 'operations', null, 'full_access', null, 'catalog_version', null,
                    'allow_confidential', null, 'role', u.role, 'can_manage_api_credentials', u.can_manage_api_credentials) end
              end as owner
         from webhook_endpoints e
         left join credential_directory c on c.id = e.owner_credential_id
         left join user_directory u on u.id = e.owner_user_id
        where e.id in (select jsonb_array_elements_text(?::jsonb)::uuid)`,
      [JSON.stringify(endpointIds)],
    );
    return new Map(
      rows.map(({ owner, ...endpoint }) => {
        const row = endpointOf(endpoint as EndpointRow)!;
        return [row.id, { endpoint: row, owner: typeof owner === 'string' ? (JSON.parse(owner) as OwnerRow) : owner }];
      }),
    );
  }

  /** A failed attempt: the endpoint is failing since its first failure in a row. Returns that time. */
  async markFailing(em: EntityManager, endpointId: string): Promise<Date> {
    const [row] = await em.execute<{ failing_since: Date }[]>(`update webhook_endpoints set failing_since = coalesce(failing_since, now()) where id = ? returning failing_since`, [endpointId]);
    return new Date(row!.failing_since);
  }

  /** Disables the endpoint once; false when it already was. */
  async disableEndpoint(em: EntityManager, endpointId: string, reason: string): Promise<boolean> {
    const rows = await em.execute<{ id: string }[]>(
      `update webhook_endpoints set status = 'DISABLED', disabled_reason = ?, updated_at = now() where id = ? and status = 'ENABLED' returning id`,
      [reason, endpointId],
    );
    return rows.length > 0;
  }

  /**
   * Messages whose job was lost, made due again (same id): DELIVERING with an expired
   * lease (the instance died mid-flight), and batched but never claimed for
   * `queuedGraceSeconds` (the batch's job died before it started). The second kind gets
   * a new token when it is batched again, so the old job, should it still run, finds
   * nothing. Returns how many, and how many due messages wait unbatched for longer than
   * `overdueSeconds` (their wake-up was lost).
   */
  async releaseStranded(em: EntityManager, queuedGraceSeconds: number, overdueSeconds: number): Promise<{ released: number; overdue: number }> {
    const [row] = await em.execute<{ released: number; overdue: number }[]>(
      `with expired as (
         update webhook_messages set status = 'PENDING', lease_until = null, next_attempt_at = now()
          where status = 'DELIVERING' and lease_until < now() returning id
       ), unclaimed as (
         update webhook_messages set batch = null, queued_at = null
          where status = 'PENDING' and batch is not null and queued_at < now() - make_interval(secs => ?) returning id
       ), released as (select id from expired union all select id from unclaimed)
       select (select count(*)::int from released) as released,
              (select count(*)::int from webhook_messages
                where status = 'PENDING' and batch is null and next_attempt_at < now() - make_interval(secs => ?)) as overdue`,
      [queuedGraceSeconds, overdueSeconds],
    );
    return { released: row?.released ?? 0, overdue: row?.overdue ?? 0 };
  }

  /** For /metrics: messages not yet settled, and the age of the oldest one that is due. */
  async backlog(em: EntityManager): Promise<{ open: number; oldestDueSeconds: number }> {
    const [row] = await em.execute<{ open: string; oldest: string | null }[]>(
      `select count(*)::text as open,
              extract(epoch from (now() - min(next_attempt_at) filter (where next_attempt_at <= now())))::text as oldest
         from webhook_messages where status in ('PENDING', 'DELIVERING')`,
    );
    return { open: Number(row?.open ?? 0), oldestDueSeconds: Math.max(0, Number(row?.oldest ?? 0)) };
  }

  /** Keys that reach `daysBefore` days before expiry within the last `windowSeconds` (the cron tick's span). */
  async credentialsExpiringIn(em: EntityManager, daysBefore: number, windowSeconds: number): Promise<{ id: string; organization_id: string; expires_at: Date }[]> {
    const rows = await em.execute<{ id: string; organization_id: string; expires_at: Date }[]>(
      `select id, organization_id, expires_at from credential_directory
        where revoked_at is null and expires_at is not null
          and expires_at - make_interval(days => ?) <= now()
          and expires_at - make_interval(days => ?) > now() - make_interval(secs => ?)`,
      [daysBefore, daysBefore, windowSeconds],
    );
    return rows.map((r) => withDates(r, ['expires_at'])!);
  }
}
