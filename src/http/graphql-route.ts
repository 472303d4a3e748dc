import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { FastifyInstance } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { GraphQLContext } from '../graphql/context';
import { metricsPlugin, rateLimitStatusPlugin } from './apollo-plugins';
import { createErrorFormatter } from '../graphql/format-error';
import type { HttpServices } from './http-services';
import { graphqlContextFactory, type Surface } from './graphql-context';

export const PUBLIC_GRAPHQL_PATH = '/public/graphql';

/**
 * One Apollo server per schema. graphql-armor's defaults (depth 6, cost 5000,
 * 15 aliases, 50 directives, 1000 tokens) bound what one request may ask for;
 * batched HTTP requests are refused (Apollo's default).
 */
export async function registerGraphQL(app: FastifyInstance, services: HttpServices, surface: Surface, path: string, schema: GraphQLSchema) {
  const armor = new ApolloArmor({
    maxDepth: { n: 6 },
    costLimit: { maxCost: 5000 },
    maxAliases: { n: 15 },
    maxDirectives: { n: 50 },
    // Tokens are limited by graphql-js's own parser (parseOptions below): armor's Apollo plugin throws
    // from parsingDidStart, which Apollo answers with a 500 for every syntax error and for the limit itself.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: services.config.production },
  });
  const protection = armor.protect();
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    ...protection,
    plugins: [
      ...protection.plugins,
      metricsPlugin(services.metrics, surface),
      rateLimitStatusPlugin(),
      ApolloServerPluginLandingPageDisabled(),
    ],
    validationRules: [...protection.validationRules],
    parseOptions: { maxTokens: 1000 },
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter(services.logger),
    allowBatchedHttpRequests: false,
    // Shutdown order is main.ts's job (HTTP, then ORM, then database); Apollo must not catch signals itself.
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  // Fastify's close() already waits for in-flight requests; Apollo only needs stopping after it.
  app.addHook('onClose', async () => apollo.stop());
  app.route({
    method: ['POST', 'OPTIONS'],
    url: path,
    handler: fastifyApolloHandler(apollo, { context: graphqlContextFactory(services, surface) }),
  });
}
