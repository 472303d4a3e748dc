import pino from 'pino';

/** A PostgreSQL error (pg's DatabaseError, or MikroORM's DriverException that copies its fields): a five-character SQLSTATE. */
function isDatabaseError(err: Record<string, unknown>): boolean {
  const state = err.sqlState ?? err.code;
  return typeof state === 'string' && /^[0-9A-Z]{5}$/.test(state) && (typeof err.severity === 'string' || typeof err.sqlState === 'string');
}

/** Literals become `?`; identifiers (double-quoted) and placeholders stay, so the statement is still recognizable. */
export function sqlWithoutValues(sql: string): string {
  return sql.replace(/[Ee]?'(?:[^']|'')*'/g, '?').replace(/(?<![$\w.])-?\d+(?:\.\d+)?(?![\w.])/g, '?');
}

/** PostgreSQL quotes the offending value in its message (`invalid input syntax for type integer: "ada@example.com"`). */
function messageWithoutValues(message: string): string {
  return message.replace(/"[^"]*"/g, '"…"').replace(/'[^']*'/g, "'…'");
}

/**
 * The `err` serializer of every log line. Database errors arrive with the statement
 * and its parameter values inlined in the message (knex formats it so), and
 * PostgreSQL repeats values in its own message and `detail`: a candidate's e-mail or
 * answers would reach the error log. They are logged as the statement without
 * literals, the SQLSTATE and where it happened; everything else as pino's default.
 */
export function serializeError(err: unknown): unknown {
  if (!err || typeof err !== 'object') return err;
  const fields = err as Record<string, unknown>;
  if (!isDatabaseError(fields)) return pino.stdSerializers.err(err as Error);
  const message = String(fields.message ?? '');
  const split = message.lastIndexOf(' - ');
  const sql = split >= 0 ? sqlWithoutValues(message.slice(0, split)) : undefined;
  const reason = messageWithoutValues(split >= 0 ? message.slice(split + 3) : message);
  const type = (err as Error).constructor?.name ?? 'Error';
  const frames = String(fields.stack ?? '')
    .split('\n')
    .filter((line) => line.trim().startsWith('at '));
  return {
    type,
    message: reason,
    sql,
    code: fields.sqlState ?? fields.code,
    routine: fields.routine,
    table: fields.table,
    column: fields.column,
    constraint: fields.constraint,
    stack: [`${type}: ${reason}`, ...frames].join('\n'),
  };
}
