import type { TypedDocumentString } from '../gql/graphql';
import { ApiError, type FieldProblem } from './api-error';

interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; fields?: FieldProblem[]; field?: string; retryAfterSeconds?: number };
}

function toApiError(error: GraphQLErrorBody): ApiError {
  const ext = error.extensions ?? {};
  const fields = ext.fields ?? (ext.field ? [{ field: ext.field, message: error.message }] : []);
  return new ApiError(error.message, ext.code ?? 'INTERNAL_SERVER_ERROR', fields, ext.retryAfterSeconds);
}

/**
 * Field-level refusals (e.g. a resume's downloadUrl without applications.download) leave the rest
 * of the answer usable: the field is null and the screen shows why. Anything else fails the call.
 */
function isFieldLevelForbidden(error: GraphQLErrorBody): boolean {
  return error.extensions?.code === 'FORBIDDEN' && (error.path?.length ?? 0) > 1;
}

/** POST /graphql with the session token (kept in memory only) as a bearer token. */
export async function gqlRequest<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  token: string | null,
): Promise<TResult> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: document.toString(), variables }),
    credentials: 'omit',
  });
  let body: { data?: TResult | null; errors?: GraphQLErrorBody[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiError(`The server answered ${response.status} without a GraphQL body`, 'NETWORK');
  }
  const errors = body.errors ?? [];
  const fatal = errors.find((e) => !isFieldLevelForbidden(e));
  if (fatal || !body.data) throw toApiError(fatal ?? errors[0] ?? { message: 'Empty answer' });
  return body.data;
}

export interface StagedUpload {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

/** POST /uploads: stages a file (e.g. a key's logo) for a later mutation to reference by id. */
export async function uploadFile(file: File, purpose: 'LOGO', token: string | null): Promise<StagedUpload> {
  const form = new FormData();
  form.append('purpose', purpose);
  form.append('file', file, file.name);
  const response = await fetch('/uploads', {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: form,
    credentials: 'omit',
  });
  const body = (await response.json()) as StagedUpload & { error?: { code: string; message: string; field?: string; fields?: FieldProblem[] } };
  if (!response.ok || body.error) {
    const err = body.error ?? { code: 'NETWORK', message: `Upload failed (${response.status})` };
    // The upload's "file" field is the form's logo input.
    const fields = (err.fields ?? (err.field ? [{ field: err.field, message: err.message }] : [])).map((p) => ({ ...p, field: p.field === 'file' ? 'logoUploadId' : p.field }));
    throw new ApiError(err.message, err.code, fields);
  }
  return body;
}
