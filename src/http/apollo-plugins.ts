import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Metrics } from './metrics';

/** Distinct operation names kept as labels per schema; clients choose names, so the series must be bounded. */
export const MAX_OPERATION_LABELS = 200;

/** Operation counts and latency per schema and operation name. */
export function metricsPlugin(metrics: Metrics, schema: string): ApolloServerPlugin<BaseContext> {
  const seen = new Set<string>();
  const label = (name: string | null | undefined): string => {
    if (!name) return 'anonymous';
    if (seen.has(name)) return name;
    if (seen.size >= MAX_OPERATION_LABELS) return 'other';
    seen.add(name);
    return name;
  };
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, errors }) {
          const operation = label(operationName);
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          metrics.graphqlDuration.observe({ schema, operation }, seconds);
          metrics.graphqlOperations.inc({ schema, operation, outcome: errors?.length ? 'error' : 'ok' });
        },
      };
    },
  };
}

/** Codes of a backing service's outage and their HTTP status (src/outage.ts makes them). */
const OUTAGE_STATUS: Record<string, number | undefined> = { SERVICE_UNAVAILABLE: 503, INSUFFICIENT_STORAGE: 507 };

/** Whether any root field produced a value: then the response carries data and stays 200. */
function hasData(data: Record<string, unknown> | null | undefined): boolean {
  return !!data && Object.values(data).some((value) => value !== null && value !== undefined);
}

/**
 * The HTTP status of an answer whose errors are about who is calling, as the README's
 * error table says:
 * - any RATE_LIMITED error makes the response a 429 with Retry-After, as HTTP clients
 *   and proxies expect, even next to data (the client must slow down either way);
 * - when no root field produced data, UNAUTHENTICATED makes it a 401, else FORBIDDEN a
 *   403; with partial data (one forbidden field next to allowed ones) it stays 200;
 * - any SERVICE_UNAVAILABLE (database or file store down) makes it a 503, and
 *   INSUFFICIENT_STORAGE a 507, with Retry-After, even next to data: a client must
 *   retry, and a 200 would tell it (and any proxy or career site) to trust the answer.
 */
export function errorStatusPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { errors, data } = response.body.singleResult;
          if (!errors?.length) return;
          const limited = errors.find((e) => e.extensions?.code === 'RATE_LIMITED');
          if (limited) {
            response.http.status = 429;
            response.http.headers.set('retry-after', String(limited.extensions?.retryAfterSeconds ?? 1));
            return;
          }
          const down = errors.find((e) => OUTAGE_STATUS[String(e.extensions?.code)]);
          if (down) {
            response.http.status = OUTAGE_STATUS[String(down.extensions?.code)]!;
            response.http.headers.set('retry-after', String(down.extensions?.retryAfterSeconds ?? 5));
            return;
          }
          if (hasData(data)) return;
          const codes = new Set(errors.map((e) => e.extensions?.code));
          if (codes.has('UNAUTHENTICATED')) response.http.status = 401;
          else if (codes.has('FORBIDDEN')) response.http.status = 403;
        },
      };
    },
  };
}
