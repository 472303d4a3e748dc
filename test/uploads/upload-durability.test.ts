import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/database';
import { multipart } from '../helpers/multipart';
import { gql, killLeftovers, startService, stopService, type ServiceProcess } from '../helpers/service-process';
import { TEST_SECRET_KEY } from '../helpers/test-app';

const LOGIN = 'mutation($s: String!, $e: String!, $p: String!) { login(organizationSlug: $s, email: $e, password: $p) { token } }';
const APPLY = 'mutation($p: ID!, $input: ApplicationInput!) { applyToPosting(postingId: $p, input: $input) { applicationId } }';
const CREATE = 'mutation($input: CreatePostingInput!) { createPosting(input: $input) { id } }';
const RESUME = 'query($id: ID!) { application(id: $id) { resume { size sha256 downloadUrl } } }';

/** A PDF with 200 KB of random bytes inside: what a candidate uploads, and unlike any earlier file. */
function resumePdf(): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(200 * 1024), Buffer.from('\n%%EOF\n')]);
}

async function post(base: string, token: string, bytes: Buffer): Promise<{ status: number; body: { id?: string; sha256?: string } }> {
  const form = multipart([
    { name: 'purpose', value: 'RESUME' },
    { name: 'file', value: bytes, filename: 'cv.pdf', contentType: 'application/pdf' },
  ]);
  const res = await fetch(`${base}/uploads`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': form.contentType }, body: new Uint8Array(form.body) });
  return { status: res.status, body: (await res.json()) as { id?: string; sha256?: string } };
}

/**
 * An upload answered 201 is durable: the service is killed (SIGKILL, no shutdown of
 * any kind) the moment the answer arrives, started again on the same database and
 * data directory, and the upload is then used by an application and downloaded,
 * byte for byte. For each file store that lives on this machine.
 */
describe('an acknowledged upload survives a crash', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    killLeftovers();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it.each(['fs', 'postgres'])('with the %s file store', { timeout: 240_000 }, async (store) => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'jobgate-durability-'));
    dirs.push(dataDir);
    const env = {
      DATABASE_URL: await createTestDatabase(),
      JOBGATE_SECRET_KEY: TEST_SECRET_KEY,
      JOBGATE_DATA_DIR: dataDir,
      JOBGATE_FILE_STORE: store,
      JOBGATE_DEMO: 'false',
      JOBGATE_BOOTSTRAP_ORG_SLUG: 'crash-org',
      JOBGATE_BOOTSTRAP_ADMIN_EMAIL: 'admin@crash.test',
      JOBGATE_BOOTSTRAP_ADMIN_PASSWORD: 'crash test password',
    };
    let service: ServiceProcess = await startService(env);
    const login = await gql<{ login: { token: string } }>(service.base, LOGIN, { s: 'crash-org', e: 'admin@crash.test', p: 'crash test password' });
    const admin = login.data!.login.token;
    const key = (await gql<{ revealPostingsApiKey: string }>(service.base, 'mutation { revealPostingsApiKey }', {}, admin)).data!.revealPostingsApiKey;
    const posting = await gql<{ createPosting: { id: string } }>(service.base, CREATE, { input: { title: 'Crash tester', state: 'PUBLISHED', locations: [{ name: 'Berlin' }] } }, admin);
    const postingId = posting.data!.createPosting.id;

    const bytes = resumePdf();
    const uploaded = await post(service.base, key, bytes);
    // Killed as soon as the 201 is read: nothing after the acknowledgement may be needed for the file to exist.
    service.child.kill('SIGKILL');
    await service.exited;
    expect(uploaded.status).toBe(201);

    service = await startService(env);
    try {
      const applied = await gql<{ applyToPosting: { applicationId: string } }>(
        service.base,
        APPLY,
        { p: postingId, input: { name: 'Ada Crash', email: 'ada@crash.test', resumeUploadId: uploaded.body.id } },
        key,
        '/public/graphql',
      );
      expect(applied.errors).toBeUndefined();
      const relogin = await gql<{ login: { token: string } }>(service.base, LOGIN, { s: 'crash-org', e: 'admin@crash.test', p: 'crash test password' });
      const read = await gql<{ application: { resume: { size: number; sha256: string; downloadUrl: string } } }>(
        service.base,
        RESUME,
        { id: applied.data!.applyToPosting.applicationId },
        relogin.data!.login.token,
      );
      const resume = read.data!.application.resume;
      expect(resume).toMatchObject({ size: bytes.length, sha256: uploaded.body.sha256 });
      const download = await fetch(resume.downloadUrl.replace(/^https?:\/\/[^/]+/, service.base));
      expect(download.status).toBe(200);
      expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
    } finally {
      await stopService(service);
    }
  });
});
