/**
 * Domain errors. Services throw these; the GraphQL layer and the REST routes map
 * them in one place each (graphql/format-error.ts, http/error-reply.ts).
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'INSUFFICIENT_STORAGE';

export const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  INSUFFICIENT_STORAGE: 507,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Authentication required') {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super('FORBIDDEN', message, extensions);
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, id?: string) {
    super('NOT_FOUND', id ? `${what} ${id} not found` : `${what} not found`);
  }
}

export class ConflictError extends AppError {
  constructor(message: string) {
    super('CONFLICT', message);
  }
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** Names every offending field, both in the message and in `extensions.fields`. */
export class BadInputError extends AppError {
  constructor(readonly problems: FieldProblem[]) {
    super(
      'BAD_USER_INPUT',
      problems.map((p) => `${p.field}: ${p.message}`).join('; '),
      { field: problems[0]?.field, fields: problems },
    );
  }

  static field(field: string, message: string): BadInputError {
    return new BadInputError([{ field, message }]);
  }
}

export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number, message = 'Too many requests') {
    super('RATE_LIMITED', `${message}; retry after ${retryAfterSeconds}s`, { retryAfterSeconds });
  }
}

/**
 * A backing service (the database, the file store) cannot be reached, or the file
 * store's disk is full: the caller did nothing wrong and should retry later. Made
 * from a low-level error by `outageOf` (outage.ts), never from the caller's input.
 */
export class ServiceUnavailableError extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    code: 'SERVICE_UNAVAILABLE' | 'INSUFFICIENT_STORAGE' = 'SERVICE_UNAVAILABLE',
  ) {
    super(
      code,
      code === 'INSUFFICIENT_STORAGE'
        ? `The file store has no space left; retry after ${retryAfterSeconds}s`
        : `The service is temporarily unavailable; retry after ${retryAfterSeconds}s`,
      { retryAfterSeconds },
    );
  }
}

/** The errors that carry a Retry-After header: the caller should come back, not change the request. */
export function retryAfterOf(error: AppError): number | null {
  return error instanceof RateLimitedError || error instanceof ServiceUnavailableError ? error.retryAfterSeconds : null;
}
