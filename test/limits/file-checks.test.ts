import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, login, startTestApp, type TestApp } from '../helpers/test-app';
import { pngBytes, samples, upload } from '../uploads/helpers';

/** The file checks the attack found wrong, through POST /uploads and setApiCredentialLogo. */
describe('file checks', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp();
    const org = await createOrg(t);
    token = await login(t, org.slug, org.adminEmail, org.adminPassword);
  });
  afterAll(async () => t?.close());

  const hugeIhdr = () => {
    const png = pngBytes();
    png.writeUInt32BE(4294967295, 16);
    png.writeUInt32BE(4294967295, 20);
    return png;
  };

  it('rejects a PNG logo whose IHDR says 4294967295×4294967295', async () => {
    const res = await upload(t, { token, purpose: 'LOGO', filename: 'logo.png', bytes: hugeIhdr() });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    expect(res.body.error?.message).toMatch(/at most 4096×4096 pixels; this one says 4294967295×4294967295/);
  });

  it('rejects the same PNG when a key logo is set from an upload staged before the check existed', async () => {
    const staged = await upload(t, { token, purpose: 'LOGO', filename: 'logo.png', bytes: pngBytes() });
    expect(staged.status).toBe(201);
    // Make the stored bytes what an older, laxer check let through.
    await t.orm.em.getKnex().raw('update stored_file_contents set content = ? where file_id = ?', [hugeIhdr(), staged.body.id as string]);
    const created = await t.gql<{ createApiCredential: { credential: { id: string } } }>(
      'mutation { createApiCredential(input: { name: "logo check", operations: ["organization.read"] }) { credential { id } } }',
      {},
      { token },
    );
    const id = created.data!.createApiCredential.credential.id;
    const res = await t.gql('mutation($id: ID!, $u: ID!) { setApiCredentialLogo(id: $id, uploadId: $u) { logoUrl } }', { id, u: staged.body.id }, { token });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(res.errors?.[0]?.message).toMatch(/4294967295×4294967295/);
  });

  it('"smaller than 500 KB" means under 500 × 1024 bytes, exactly as the message says', async () => {
    const exactly = await upload(t, { token, purpose: 'LOGO', filename: 'edge.png', bytes: pngBytes(500 * 1024) });
    expect(exactly.status).toBe(400);
    expect(exactly.body.error?.message).toMatch(/smaller than 500 KB \(512000 bytes\); this one has 512000 bytes/);
    const under = await upload(t, { token, purpose: 'LOGO', filename: 'edge.png', bytes: pngBytes(500 * 1024 - 1) });
    expect(under.status).toBe(201);
    expect(under.body.size).toBe(511999);
  });

  it('a 5-byte %PDF- is not a resume, nor is a PDF header with no end marker', async () => {
    for (const bytes of [Buffer.from('%PDF-'), Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4000, 0x20)])]) {
      const res = await upload(t, { token, purpose: 'RESUME', filename: 'cv.pdf', bytes });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    }
    const real = await upload(t, { token, purpose: 'RESUME', filename: 'cv.pdf', bytes: samples.pdf });
    expect(real.body.contentType).toBe('application/pdf');
  });
});
