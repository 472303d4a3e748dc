import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { ValidationError } from 'class-validator';
import { ArgumentValidationError } from 'type-graphql';
import type { Logger } from 'pino';
import { AppError, type FieldProblem } from '../errors';
import { outageLogFields, outageOf } from '../outage';

/** Codes that graphql-js and Apollo produce themselves and that are safe to pass on. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * The one mapping from thrown errors to what a client sees. Domain errors keep
 * their code and message; anything unexpected is logged and reaches the client
 * only as INTERNAL_SERVER_ERROR with no detail.
 */
export interface ErrorFormatterOptions {
  /**
   * Production: drop "Did you mean …?" from every message. graphql-armor masks field
   * suggestions in validation; enum values ("Did you mean the enum value NEWEST?") come
   * from value coercion, so this is the one place that sees both.
   */
  hideSuggestions: boolean;
}

const SUGGESTION = /\s*Did you mean [^?]*\?/g;

export function createErrorFormatter(logger: Logger, options: ErrorFormatterOptions = { hideSuggestions: false }) {
  const format = formatter(logger);
  if (!options.hideSuggestions) return format;
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const result = format(formatted, error);
    const message = result.message.replace(SUGGESTION, '');
    return message === result.message ? result : { ...result, message };
  };
}

function formatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    let original = unwrapResolverError(error);
    // Errors raised before execution (authentication in the context factory) come wrapped in a GraphQLError without a path.
    if (original instanceof GraphQLError && original.originalError instanceof AppError) original = original.originalError;
    const base = { locations: formatted.locations, path: formatted.path };
    if (original instanceof AppError) {
      return { ...base, message: original.message, extensions: { code: original.code, ...original.extensions } };
    }
    if (original instanceof ArgumentValidationError) {
      const problems = flatten((original.extensions.validationErrors as ValidationError[]) ?? []);
      return {
        ...base,
        message: problems.map((p) => `${p.field}: ${p.message}`).join('; ') || 'Invalid input',
        extensions: { code: 'BAD_USER_INPUT', field: problems[0]?.field, fields: problems },
      };
    }
    const code = formatted.extensions?.code;
    // A literal of the wrong shape ("Expected value of type DateTimeISO, found …") is a bad value, not a bad document.
    if (code === 'GRAPHQL_VALIDATION_FAILED' && formatted.message.startsWith('Expected value of type')) {
      return { ...base, message: formatted.message, extensions: { code: 'BAD_USER_INPUT' } };
    }
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      return { ...base, message: formatted.message, extensions: { code } };
    }
    // graphql-js coercion errors for variables/arguments carry no code but are the client's fault.
    if (code === undefined && !formatted.path && /^(Variable|Argument|Expected|Field|Cannot query|Unknown)/.test(formatted.message)) {
      return { ...base, message: formatted.message, extensions: { code: 'BAD_USER_INPUT' } };
    }
    // A stopped database or file store is not a bug: SERVICE_UNAVAILABLE, and errorStatusPlugin makes the answer a 503 with Retry-After.
    const outage = outageOf(original);
    if (outage) {
      logger.warn({ ...outageLogFields(original), path: formatted.path }, 'backing service unavailable in GraphQL operation');
      return { ...base, message: outage.message, extensions: { code: outage.code, ...outage.extensions } };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error in GraphQL operation');
    return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
