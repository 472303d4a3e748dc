import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, login, startTestApp, type TestApp } from './helpers/test-app';

describe('smoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('logs in and reads me', async () => {
    const org = await createOrg(t);
    const token = await login(t, org.slug, org.adminEmail, org.adminPassword);
    expect(token).toMatch(/^jgs_/);
    const me = await t.gql<{ me: { email: string; role: string } }>('{ me { email role } }', {}, { token });
    expect(me.errors).toBeUndefined();
    expect(me.data?.me).toEqual({ email: org.adminEmail, role: 'SUPER_ADMIN' });
  });
});
