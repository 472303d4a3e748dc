import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptSecret } from '../../src/modules/credentials/secret-box';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { adminOf, createKey, mutate } from './helpers';

interface ColumnRow {
  table_name: string;
  column_name: string;
}

/** After a scripted session, no secret appears in any text/jsonb column of any table, nor in the logs. */
describe('secrets at rest and in logs', () => {
  let t: TestApp;
  const secrets: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ env: { LOG_LEVEL: 'trace' } });
  });
  afterAll(async () => t?.close());

  it('stores hashes, hints and the postings key ciphertext only', async () => {
    const { org, token } = await adminOf(t);
    secrets.push(token);
    const key = await createKey(t, token, { fullAccess: true, description: 'scripted' });
    secrets.push(key.secret);
    await t.gql('{ organization { id } }', {}, { token: key.secret });
    const basic = Buffer.from(`${key.secret}:`).toString('base64');
    await t.gql('{ users { totalCount } }', {}, { headers: { authorization: `Basic ${basic}` } });
    const rotated = await mutate(t, token, 'mutation($id: ID!) { rotateApiCredential(id: $id, previousSecretTtlSeconds: 60) { secret } }', { id: key.id });
    const second = (rotated.data?.rotateApiCredential as { secret: string }).secret;
    secrets.push(second);
    await t.gql('{ organization { id } }', {}, { token: second });
    await mutate(t, token, 'mutation($id: ID!) { updateApiCredential(id: $id, input: { name: "renamed", allowedCidrs: ["10.0.0.0/8"] }) { id } }', { id: key.id });
    await t.gql('{ organization { id } }', {}, { token: second }); // refused by the allowlist, and logged as such
    await mutate(t, token, 'mutation($id: ID!) { revokeApiCredential(id: $id) { id } }', { id: key.id });
    await t.gql('{ organization { id } }', {}, { token: second });
    const postings = (await mutate(t, token, 'mutation { revealPostingsApiKey }')).data?.revealPostingsApiKey as string;
    secrets.push(postings);
    await t.gql('{ __typename }', {}, { token: postings, path: '/public/graphql' });
    await t.gql('{ organization { id } }', {}, { token: postings }); // wrong surface
    const postingsRow = await t.gql<{ postingsApiCredential: { id: string } }>('{ postingsApiCredential { id } }', {}, { token });
    const rotatedPostings = await mutate(t, token, 'mutation($id: ID!) { rotateApiCredential(id: $id) { secret } }', { id: postingsRow.data!.postingsApiCredential.id });
    const newPostings = (rotatedPostings.data?.rotateApiCredential as { secret: string }).secret;
    secrets.push(newPostings);
    await t.services.credentialUsage.flush();
    expect(secrets.every((s) => /^jg[skp]_/.test(s))).toBe(true);

    const connection = t.orm.em.getConnection();
    const columns = await connection.execute<ColumnRow[]>(
      `select table_name, column_name from information_schema.columns
        where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'json', 'ARRAY')`,
    );
    expect(columns.length).toBeGreaterThan(10);
    let cells = 0;
    for (const { table_name, column_name } of columns) {
      const rows = await connection.execute<{ v: string | null }[]>(`select "${column_name}"::text as v from "${table_name}"`);
      for (const { v } of rows) {
        if (v === null) continue;
        cells += 1;
        for (const secret of secrets) expect(v, `${table_name}.${column_name}`).not.toContain(secret.slice(4, 34));
      }
    }
    expect(cells).toBeGreaterThan(50);

    const [stored] = await connection.execute<{ encrypted_secret: string; secret_hash: string }[]>(
      `select encrypted_secret, secret_hash from api_credentials where organization_id = ? and kind = 'POSTINGS'`,
      [org.organizationId],
    );
    expect(stored.encrypted_secret).not.toContain(newPostings.slice(4));
    expect(decryptSecret(t.services.masterKey, stored.encrypted_secret)).toBe(newPostings);

    const logs = t.rawLogs.join('');
    expect(logs.length).toBeGreaterThan(1000);
    for (const secret of secrets) expect(logs).not.toContain(secret.slice(4, 34));
  });
});
