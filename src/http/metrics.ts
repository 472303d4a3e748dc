import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics for one instance; its own registry, so several apps can live in one process. */
export class Metrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'jobgate_http_requests_total',
    help: 'HTTP requests by route, method and status.',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'jobgate_http_request_duration_seconds',
    help: 'HTTP request latency by route.',
    labelNames: ['route', 'method'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly graphqlOperations = new Counter({
    name: 'jobgate_graphql_operations_total',
    help: 'GraphQL operations by schema, operation name and outcome.',
    labelNames: ['schema', 'operation', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly graphqlDuration = new Histogram({
    name: 'jobgate_graphql_operation_duration_seconds',
    help: 'GraphQL operation latency by schema and operation name.',
    labelNames: ['schema', 'operation'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  /** Which executor ran each operation of a compiled schema: graphql-js only for what graphql-jit would word differently. */
  readonly graphqlExecutions = new Counter({
    name: 'jobgate_graphql_executions_total',
    help: 'GraphQL executions by schema and executor (compiled by graphql-jit, or graphql-js).',
    labelNames: ['schema', 'executor'] as const,
    registers: [this.registry],
  });

  /** Password hashes verified by login: the work the login throttle exists to bound. */
  readonly passwordChecks = new Counter({
    name: 'jobgate_password_checks_total',
    help: 'Passwords verified against a stored hash by login.',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'jobgate_' });
  }
}
