import { GraphQLError } from 'graphql';
import { AppError, HTTP_STATUS, retryAfterOf } from '../errors';

/**
 * For errors raised before any resolver runs (authentication in the context
 * factory): Apollo takes the HTTP status and headers from `extensions.http`.
 */
export function toGraphQLError(error: AppError): GraphQLError {
  const headers = new Map<string, string>();
  const retryAfter = retryAfterOf(error);
  if (retryAfter !== null) headers.set('retry-after', String(retryAfter));
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: { code: error.code, ...error.extensions, http: { status: HTTP_STATUS[error.code], headers } },
  });
}
