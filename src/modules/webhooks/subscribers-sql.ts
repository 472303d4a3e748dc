/**
 * A SQL expression (two parameters: organization id, event type) that is true when an
 * enabled endpoint of the organization subscribes to the event type. Other modules
 * embed it in a read they already make, so a change nobody listens to pays no extra
 * statement and no transaction for the outbox; the table's SQL text stays here.
 */
export const SUBSCRIBED_SQL = `exists (select 1 from webhook_endpoints w where w.organization_id = ? and w.status = 'ENABLED' and ? = any(w.event_types))`;
