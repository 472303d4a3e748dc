/** One field the API refused (BAD_USER_INPUT's `extensions.fields`). */
export interface FieldProblem {
  field: string;
  message: string;
}

/** An error the API answered with; `code` is its `extensions.code`. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly fields: FieldProblem[] = [],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/**
 * The API's message for one form field: problems on `field`, `field[2]` or `field.min` belong to it.
 * Forms show these next to their inputs.
 */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!isApiError(error, 'BAD_USER_INPUT')) return undefined;
  const hits = error.fields.filter((p) => p.field === field || p.field.startsWith(`${field}[`) || p.field.startsWith(`${field}.`));
  return hits.length ? hits.map((p) => p.message).join('; ') : undefined;
}

/** Problems no input on the form shows (so the form can show them above its buttons). */
export function otherErrors(error: unknown, shownFields: string[]): string | undefined {
  if (!error) return undefined;
  if (!isApiError(error, 'BAD_USER_INPUT')) return error instanceof Error ? error.message : String(error);
  const rest = error.fields.filter((p) => !shownFields.some((f) => p.field === f || p.field.startsWith(`${f}[`) || p.field.startsWith(`${f}.`)));
  if (rest.length === 0 && error.fields.length > 0) return undefined;
  return rest.length ? rest.map((p) => `${p.field}: ${p.message}`).join('; ') : error.message;
}
