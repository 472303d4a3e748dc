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

/**
 * A RATE_LIMITED error from a resolver makes the whole response a 429 with
 * Retry-After, as HTTP clients and proxies expect.
 */
export function rateLimitStatusPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const limited = response.body.singleResult.errors?.find((e) => e.extensions?.code === 'RATE_LIMITED');
          if (!limited) return;
          response.http.status = 429;
          response.http.headers.set('retry-after', String(limited.extensions?.retryAfterSeconds ?? 1));
        },
      };
    },
  };
}
