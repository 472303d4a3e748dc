import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../src/errors';
import { classifyOutage, outageOf } from '../../src/outage';
import { isRetryableRead } from '../../src/db/dead-connection-retry';

describe('classifyOutage', () => {
  it('recognises connection failures, wrapped or not, and full disks; nothing else', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(classifyOutage(refused)).toEqual({ kind: 'unavailable', signal: 'ECONNREFUSED' });
    expect(classifyOutage(new AggregateError([refused], 'connect failed'))?.kind).toBe('unavailable');
    expect(classifyOutage(Object.assign(new Error('wrapped'), { cause: refused }))?.kind).toBe('unavailable');
    expect(classifyOutage(Object.assign(new Error('terminating connection'), { code: '57P01', severity: 'FATAL' }))?.signal).toBe('57P01');
    expect(classifyOutage(Object.assign(new Error('x'), { code: '08006', severity: 'FATAL' }))?.signal).toBe('08006');
    expect(classifyOutage(new Error('select 1 - Connection terminated unexpectedly'))?.signal).toBe('connection-lost');
    expect(classifyOutage(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'))?.kind).toBe('unavailable');
    expect(classifyOutage(Object.assign(new Error('SlowDown'), { $metadata: { httpStatusCode: 503 } }))?.kind).toBe('unavailable');
    expect(classifyOutage(Object.assign(new Error('no space'), { code: 'ENOSPC' }))).toEqual({ kind: 'disk-full', signal: 'ENOSPC' });

    // A constraint violation, a syntax error, a client's 4xx from S3 and our own errors are not outages.
    expect(classifyOutage(Object.assign(new Error('duplicate key'), { code: '23505', severity: 'ERROR' }))).toBeNull();
    expect(classifyOutage(Object.assign(new Error('syntax'), { code: '42601', severity: 'ERROR' }))).toBeNull();
    expect(classifyOutage(Object.assign(new Error('NoSuchKey'), { $metadata: { httpStatusCode: 404 }, $fault: 'client' }))).toBeNull();
    expect(classifyOutage(BadInputError.field('file', 'bad'))).toBeNull();
    expect(classifyOutage(new TypeError('x is undefined'))).toBeNull();
  });

  it('outageOf answers 503 or 507 with a retry delay', () => {
    expect(outageOf(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 });
    expect(outageOf(Object.assign(new Error('x'), { code: 'EDQUOT' }))).toMatchObject({ code: 'INSUFFICIENT_STORAGE', retryAfterSeconds: 60 });
    expect(outageOf(new Error('a bug'))).toBeNull();
  });
});

describe('isRetryableRead', () => {
  it('takes plain reads only', () => {
    expect(isRetryableRead('select "p".* from "postings" as "p" where "p"."id" = $1')).toBe(true);
    expect(isRetryableRead('with x as (select 1) select * from x')).toBe(true);
    expect(isRetryableRead('with c as (insert into candidates values (1) returning id) select * from c')).toBe(false);
    expect(isRetryableRead('insert into applications values (1)')).toBe(false);
    expect(isRetryableRead('begin')).toBe(false);
    expect(isRetryableRead('commit')).toBe(false);
    expect(isRetryableRead('select pg_try_advisory_xact_lock(1)')).toBe(false);
    expect(isRetryableRead('select * from uploads where id = $1 for update')).toBe(false);
    expect(isRetryableRead("select nextval('s')")).toBe(false);
  });
});
