import type { APIRequestContext } from '@playwright/test';
import { DEMO_ORG } from './demo';

/** Calls the admin GraphQL API the way any integration would, failing loudly on errors. */
export async function adminGql<T = Record<string, unknown>>(
  request: APIRequestContext,
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await request.post('/graphql', {
    data: { query, variables },
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`admin API: ${body.errors.map((e) => e.message).join('; ')}`);
  return body.data as T;
}

/** A session token for the demo Super Admin. */
export async function demoAdminToken(request: APIRequestContext): Promise<string> {
  const data = await adminGql<{ login: { token: string } }>(
    request,
    null,
    'mutation($s:String!,$e:String!,$p:String!){ login(organizationSlug:$s,email:$e,password:$p){ token } }',
    { s: DEMO_ORG.slug, e: DEMO_ORG.email, p: DEMO_ORG.password },
  );
  return data.login.token;
}
