import { createOrg, login, type SeededOrg, type TestApp } from '../helpers/test-app';
import type { Plan } from '../../src/modules/organizations/organization.entity';

export const CREATE_KEY = `mutation($input: CreateApiCredentialInput!) {
  createApiCredential(input: $input) { secret credential { id name status operations fullAccess secretHint } }
}`;

export interface IssuedKey {
  id: string;
  secret: string;
  operations: string[];
}

/** Creates a data key through the API as `adminToken`; throws with the errors otherwise. */
export async function createKey(t: TestApp, adminToken: string, input: Record<string, unknown>): Promise<IssuedKey> {
  const res = await t.gql<{ createApiCredential: { secret: string; credential: { id: string; operations: string[] } } }>(
    CREATE_KEY,
    { input: { name: 'test key', ...input } },
    { token: adminToken },
  );
  if (!res.data) throw new Error(`createApiCredential failed: ${JSON.stringify(res.errors)}`);
  const { secret, credential } = res.data.createApiCredential;
  return { id: credential.id, secret, operations: credential.operations };
}

export async function adminOf(t: TestApp, plan?: Plan): Promise<{ org: SeededOrg; token: string }> {
  const org = await createOrg(t, plan ? { plan } : {});
  return { org, token: await login(t, org.slug, org.adminEmail, org.adminPassword) };
}

export async function mutate(t: TestApp, token: string, query: string, variables: Record<string, unknown> = {}) {
  return t.gql<Record<string, unknown>>(query, variables, { token });
}

/** One definition for every area (test/helpers/test-app.ts). */
export { codeOf } from '../helpers/test-app';
