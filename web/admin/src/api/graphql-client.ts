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

/**
 * The session rides in an HttpOnly cookie the page's script never sees; the server accepts it
 * only with this header (which no cross-site form can send) from our own origin.
 */
const SESSION_HEADERS = { 'x-jobgate-csrf': '1' };

/** POST /graphql with the session cookie. */
export async function gqlRequest<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables): Promise<TResult> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...SESSION_HEADERS },
    body: JSON.stringify({ query: document.toString(), variables }),
    credentials: 'same-origin',
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
export async function uploadFile(file: File, purpose: 'LOGO'): Promise<StagedUpload> {
  const form = new FormData();
  form.append('purpose', purpose);
  form.append('file', file, file.name);
  const response = await fetch('/uploads', {
    method: 'POST',
    headers: SESSION_HEADERS,
    body: form,
    credentials: 'same-origin',
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
