import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase } from '../helpers/database';
import { baseEnv, gql, isAlive, killLeftovers, query, ROOT, startedProcesses, VITE_NODE } from '../helpers/service-process';
import { TEST_SECRET_KEY } from '../helpers/test-app';

/**
 * `npm run cluster:demo` (scripts/cluster): two instances of the built server behind the
 * demo's proxy, sharing one PostgreSQL and one S3 bucket. A file uploaded through one
 * instance is downloaded through the other with a signed link; one instance restarts while
 * clients apply and read through the proxy, and no acknowledged application is lost.
 */
const PASSWORD = 'cluster-test-password';
const LOGIN = `mutation($p: String!) { login(organizationSlug: "cluster", email: "admin@cluster.example", password: $p) { token } }`;
const APPLY = 'mutation($id: ID!, $input: ApplicationInput!) { applyToPosting(postingId: $id, input: $input) { applicationId } }';

interface ClusterEvent {
  event: string;
  name?: string;
  pid?: number;
  proxy?: string;
  instances?: { name: string; url: string; pid: number }[];
}

class Cluster {
  readonly events: ClusterEvent[] = [];
  stderr = '';
  readonly exited: Promise<number | null>;
  private waiters: (() => void)[] = [];

  constructor(readonly child: ChildProcess) {
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) if (line.trim()) this.events.push(JSON.parse(line) as ClusterEvent);
      for (const wake of this.waiters.splice(0)) wake();
    });
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  /** Resolves with the first event (from index `from`) that `match` accepts. */
  async next(match: (e: ClusterEvent) => boolean, from = 0, timeoutMs = 120_000): Promise<ClusterEvent> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.slice(from).find(match);
      if (found) return found;
      if (this.child.exitCode !== null) throw new Error(`cluster exited ${this.child.exitCode}\n${this.stderr}`);
      if (Date.now() > until) throw new Error(`no matching cluster event in time\n${this.stderr}`);
      await Promise.race([new Promise<void>((r) => this.waiters.push(r)), new Promise((r) => setTimeout(r, 1_000)), this.exited]);
    }
  }
}

afterAll(killLeftovers);

describe('npm run cluster:demo', () => {
  let cluster: Cluster;
  let databaseUrl: string;
  let ready: ClusterEvent;

  beforeAll(async () => {
    // The cluster runs the built server: build when dist/ is missing or stale (a no-op in CI, which builds first).
    const build = spawnSync('node', ['scripts/build/build-if-stale.mjs'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`build failed:\n${build.stderr}`);
    // An empty database: the two instances migrate it together, under the advisory lock.
    databaseUrl = await createEmptyDatabase();
    const child = spawn(VITE_NODE, ['scripts/cluster/run.ts'], {
      cwd: ROOT,
      env: baseEnv({
        PORT: '0',
        DATABASE_URL: databaseUrl,
        JOBGATE_SECRET_KEY: TEST_SECRET_KEY,
        JOBGATE_BOOTSTRAP_ADMIN_PASSWORD: PASSWORD,
        // The load below is from one client address and one key: the limits would be the thing tested.
        JOBGATE_APPLY_RATE_PER_SECOND: '10000',
        JOBGATE_UPLOAD_RATE_PER_MINUTE_PER_IP: '0',
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    startedProcesses.push(child);
    cluster = new Cluster(child);
    ready = await cluster.next((e) => e.event === 'ready', 0, 240_000);
  }, 300_000);

  it('serves a file uploaded through one instance from the other, and loses nothing while one restarts', { timeout: 120_000 }, async () => {
    const t0 = Date.now();
    const mark = (what: string) => console.log(`cluster test: ${what} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const proxy = ready.proxy!;
    const [a, b] = ready.instances!;
    // The banner (stderr) and the ready line (stdout) travel on separate pipes: wait for the banner's end.
    await cluster.next(() => cluster.stderr.includes('Ctrl-C stops everything'));
    expect(cluster.stderr).toContain(`${proxy}/admin`);

    const login = await gql<{ login: { token: string } }>(proxy, LOGIN, { p: PASSWORD });
    expect(login.errors).toBeUndefined();
    const token = login.data!.login.token;
    const key = (await gql<{ revealPostingsApiKey: string }>(proxy, 'mutation { revealPostingsApiKey }', {}, token)).data!.revealPostingsApiKey;
    const created = await gql<{ createPosting: { id: string } }>(
      proxy,
      'mutation($input: CreatePostingInput!) { createPosting(input: $input) { id } }',
      { input: { title: 'Site Reliability Engineer', locations: [{ name: 'Remote' }], state: 'PUBLISHED' } },
      token,
    );
    expect(created.errors).toBeUndefined();
    const postingId = created.data!.createPosting.id;

    // Upload and apply on instance a; the signed link comes from b and is fetched from b: bytes in the shared bucket, one secret key.
    const resume = Buffer.from('Ada Lovelace\nWrote the first program for an engine.\n');
    const form = new FormData();
    form.append('purpose', 'RESUME');
    form.append('file', new Blob([resume], { type: 'text/plain' }), 'ada.txt');
    const upload = await fetch(`${a.url}/uploads`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: form });
    expect(upload.status).toBe(201);
    const uploadId = ((await upload.json()) as { id: string }).id;
    const applied = await gql<{ applyToPosting: { applicationId: string } }>(a.url, APPLY, { id: postingId, input: { name: 'Ada Lovelace', email: 'ada@example.com', resumeUploadId: uploadId } }, key, '/public/graphql');
    expect(applied.errors).toBeUndefined();
    const linked = await gql<{ application: { resume: { downloadUrl: string } } }>(b.url, 'query($id: ID!) { application(id: $id) { resume { downloadUrl } } }', { id: applied.data!.applyToPosting.applicationId }, token);
    const signed = new URL(linked.data!.application.resume.downloadUrl);
    expect(signed.origin).toBe(proxy); // JOBGATE_PUBLIC_URL: links point at the proxy
    const download = await fetch(`${b.url}${signed.pathname}${signed.search}`);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(resume)).toBe(true);

    mark('downloaded through the other instance');
    // Load: four clients apply (with Idempotency-Key, retried on 503) and read a career page through the proxy.
    let running = true;
    const acknowledged: string[] = [];
    const unexpected: string[] = [];
    let retryable503 = 0;
    const client = async (n: number) => {
      for (let i = 0; running; i++) {
        const idempotencyKey = crypto.randomUUID();
        for (let tries = 0; tries < 30; tries++) {
          const res = await fetch(`${proxy}/public/graphql`, {
            method: 'POST',
            headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
            body: JSON.stringify({ query: APPLY, variables: { id: postingId, input: { name: `Client ${n}`, email: `c${n}-${i}@example.com` } } }),
          });
          const body = (await res.json()) as { data?: { applyToPosting?: { applicationId: string } }; errors?: unknown[] };
          if (res.status === 503) {
            retryable503++;
            await new Promise((r) => setTimeout(r, 200));
            continue;
          }
          if (res.status === 200 && body.data?.applyToPosting) acknowledged.push(body.data.applyToPosting.applicationId);
          else unexpected.push(`apply ${res.status} ${JSON.stringify(body)}`);
          break;
        }
        const page = await fetch(`${proxy}/jobs/cluster`);
        await page.arrayBuffer();
        if (page.status !== 200) unexpected.push(`GET /jobs/cluster ${page.status}`);
        // Bounded load: enough to have requests in flight during the restart, not so much that a shared 2-core machine crawls.
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const clients = [1, 2, 3, 4].map(client);

    // Once the load runs, restart instance a the way an operator would (SIGTERM); the supervisor starts it again.
    while (acknowledged.length < 5 && unexpected.length === 0) await new Promise((r) => setTimeout(r, 50));
    const before = cluster.events.length;
    process.kill(a.pid, 'SIGTERM');
    await cluster.next((e) => e.event === 'instance-exited' && e.name === a.name, before);
    mark('instance exited');
    const back = await cluster.next((e) => e.event === 'instance-ready' && e.name === a.name, before);
    expect(back.pid).not.toBe(a.pid);
    mark('instance ready again');
    const afterRestart = acknowledged.length;
    while (acknowledged.length < afterRestart + 5 && unexpected.length === 0) await new Promise((r) => setTimeout(r, 50));
    running = false;
    await Promise.all(clients);

    expect(unexpected).toEqual([]);
    const stored = await query<{ id: string }>(databaseUrl, 'SELECT id FROM applications WHERE id = ANY($1::uuid[])', [acknowledged]);
    expect(stored.length).toBe(new Set(acknowledged).size);
    expect(acknowledged.length).toBeGreaterThanOrEqual(10);
    console.log(`cluster test: ${acknowledged.length} applications acknowledged and stored, ${retryable503} retried 503s during the restart`);
  });

  it('stops every process on SIGTERM', { timeout: 90_000 }, async () => {
    const pids = cluster.events.filter((e) => e.event === 'instance-ready').map((e) => e.pid!);
    cluster.child.kill('SIGTERM');
    expect(await cluster.exited).toBe(0);
    for (const pid of pids) expect(isAlive(pid)).toBe(false);
  });
});
