import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { FastifyInstance, onSendAsyncHookHandler, preHandlerAsyncHookHandler } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { GraphQLContext } from '../graphql/context';
import { errorStatusPlugin, metricsPlugin } from './apollo-plugins';
import { compiledExecutionGateway } from '../graphql/compiled-execution';
import { costLimitPlugin } from '../graphql/cost-limit';
import { createErrorFormatter } from '../graphql/format-error';
import { requestGuardPlugin } from '../graphql/request-guard';
import type { ValidatedDocuments } from '../graphql/validated-documents';
import type { HttpServices } from './http-services';
import { graphqlContextFactory } from './graphql-context';
import { bodyGate, surfaceGate, type Surface } from './graphql-gate';

/** graphql-js stops parsing at this many tokens, so a 1 MB `{ a a a … }` costs microseconds, not a second. */
export const MAX_TOKENS = 1000;

export interface GraphQLRouteOptions {
  surface: Surface;
  path: string;
  schema: GraphQLSchema;
  /** Apollo's documentStore for this schema: shared with route hooks that need the parsed document. */
  documents: ValidatedDocuments;
  /** Execute with graphql-jit (graphql/compiled-execution.ts) instead of graphql-js; everything around execution stays Apollo's. */
  compiled?: boolean;
  /** With `compiled`: the request of a document on which it is compiled. */
  compileAfter?: number;
  /** Route hooks run after authentication and the body gate (the public response cache). */
  preHandler?: preHandlerAsyncHookHandler[];
  onSend?: onSendAsyncHookHandler[];
}

export const PUBLIC_GRAPHQL_PATH = '/public/graphql';

/**
 * One Apollo server per schema, behind one route. The request pipeline:
 * principal hook (onRequest, app-wide) → surface gate (onRequest: wrong or failed
 * credential answered before the body is read) → body gate (preHandler: variables
 * depth, persisted-query hash) → route hooks → Apollo: one parse with the token
 * limit, validation (both skipped for a document seen before), request guard
 * (hostile strings, once-per-request fields), execution.
 *
 * graphql-armor's limits (depth 6, 15 aliases, 50 directives) and its cost rule, applied with the page
 * sizes a request really asks for (cost-limit.ts, 20 000), bound what one request may ask for;
 * batched HTTP requests are refused (Apollo's default).
 */
export async function registerGraphQL(app: FastifyInstance, services: HttpServices, options: GraphQLRouteOptions) {
  const { surface, path, schema, documents } = options;
  const armor = new ApolloArmor({
    maxDepth: { n: 6 },
    // Cost is checked per request by costLimitPlugin: armor's validation rule sees `first: 100` but not
    // `first: $n`, and Apollo skips validation for a document it has seen (whatever its variables).
    costLimit: { enabled: false },
    maxAliases: { n: 15 },
    maxDirectives: { n: 50 },
    // Tokens are limited by graphql-js's own parser (parseOptions below): armor's Apollo plugin throws
    // from parsingDidStart, which Apollo answers with a 500 for every syntax error and for the limit itself.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: services.config.production },
  });
  const protection = armor.protect();
  const apollo = new ApolloServer<GraphQLContext>({
    ...(options.compiled
      ? {
          gateway: compiledExecutionGateway(schema, {
            compileAfter: options.compileAfter,
            observe: (executor) => services.metrics.graphqlExecutions.inc({ schema: surface, executor }),
          }),
        }
      : { schema }),
    documentStore: documents,
    ...protection,
    plugins: [
      ...protection.plugins,
      requestGuardPlugin({ oncePerRequest: ['applyToPosting'] }),
      costLimitPlugin(),
      metricsPlugin(services.metrics, surface),
      errorStatusPlugin(),
      ApolloServerPluginLandingPageDisabled(),
      // Nothing uses Apollo's @cacheControl hints (the public cache is our own), and the default plugin wraps
      // every field's resolver to compute them: ~5 % of Node CPU on a 50-posting page (issue 14 profile).
      ApolloServerPluginCacheControlDisabled(),
    ],
    validationRules: [...protection.validationRules],
    parseOptions: { maxTokens: MAX_TOKENS },
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter(services.logger, { hideSuggestions: services.config.production }),
    allowBatchedHttpRequests: false,
    // Shutdown order is main.ts's job (HTTP, then ORM, then database); Apollo must not catch signals itself.
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  // Fastify's close() already waits for in-flight requests; Apollo only needs stopping after it.
  app.addHook('onClose', async () => apollo.stop());
  app.route({
    method: 'POST',
    url: path,
    config: { caller: 'header' },
    onRequest: [surfaceGate(surface)],
    preHandler: [bodyGate, ...(options.preHandler ?? [])],
    onSend: options.onSend ?? [],
    handler: fastifyApolloHandler(apollo, { context: graphqlContextFactory(services) }),
  });
}
