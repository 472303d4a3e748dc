import http from 'node:http';
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/database';
import { gql, killLeftovers, query, runCli, startService } from '../helpers/service-process';
import { TEST_SECRET_KEY } from '../helpers/test-app';

afterAll(killLeftovers);

const CLIENTS = 16;
const IDLE_SOCKETS = 16;
/** The idle sockets write their request this far apart, from the moment SIGTERM is sent: before and after the drain begins. */
const IDLE_WRITE_SPACING_MS = 5;
const ORG = 'drain-org';
const ADMIN = { email: 'drain@org.test', password: 'drain password long' };

/** How one request ended: a complete response, or the error the client saw. */
type Outcome = { status: number; connection: string | undefined; body: string } | { error: string };

function send(port: number, agent: http.Agent, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, agent, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body: text }));
      res.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
    });
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
    req.end(body);
  });
}

/** A raw kept-alive socket: one request answered, then idle, then a request written just before SIGTERM. */
async function idleSocket(port: number) {
  const socket = net.connect({ host: '127.0.0.1', port });
  await new Promise((resolve) => socket.once('connect', resolve));
  let received = '';
  let error: string | null = null;
  socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
  socket.on('error', (err: NodeJS.ErrnoException) => (error = err.code ?? err.message));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const request = 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n';
  socket.write(request);
  while (!/\r\n\r\n[\s\S]*\}/.test(received)) await new Promise((resolve) => socket.once('data', resolve));
  const first = received;
  received = '';
  return {
    first,
    writeSecond: () => socket.write(request),
    outcome: async () => {
      await closed;
      return { received, error };
    },
  };
}

describe('SIGTERM drain under keep-alive load', () => {
  it('answers every request already on the wire (200, or 503 with Connection: close) and resets none', { timeout: 300_000 }, async () => {
    const databaseUrl = await createTestDatabase();
    const env = { DATABASE_URL: databaseUrl, JOBGATE_SECRET_KEY: TEST_SECRET_KEY };
    const created = await runCli(['org:create', '--slug', ORG, '--name', 'Drain Org', '--admin-email', ADMIN.email, '--admin-password', ADMIN.password], env);
    expect(created.code, created.stderr).toBe(0);
    // Enough postings that the feed keeps the event loop busy for a while per request.
    const seeded = await runCli(['seed', '--org', ORG, '--postings', '500'], env);
    expect(seeded.code, seeded.stderr).toBe(0);
    const [posting] = await query<{ id: string }>(databaseUrl, 'select id from postings limit 1');

    const service = await startService({ ...env, JOBGATE_SHUTDOWN_TIMEOUT_MS: '30000' });
    const login = await gql<{ login: { token: string } }>(
      service.base,
      'mutation($s: String!, $e: String!, $p: String!) { login(organizationSlug: $s, email: $e, password: $p) { token } }',
      { s: ORG, e: ADMIN.email, p: ADMIN.password },
    );
    const key = await gql<{ revealPostingsApiKey: string }>(service.base, 'mutation { revealPostingsApiKey }', {}, login.data!.login.token);
    const postingsKey = key.data!.revealPostingsApiKey;

    const agents: http.Agent[] = [];
    try {
      // Sockets kept alive and idle, plus one for the apply, opened before the load starts.
      const idle = await Promise.all(Array.from({ length: IDLE_SOCKETS }, () => idleSocket(service.port)));
      for (const socket of idle) expect(socket.first).toMatch(/^HTTP\/1\.1 200[\s\S]*connection: keep-alive/i);
      const applyAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      agents.push(applyAgent);
      expect(await send(service.port, applyAgent, 'GET', '/healthz')).toMatchObject({ status: 200, connection: 'keep-alive' });

      // Hammering clients: each on its own kept-alive socket, alternating the heavy feed and a light route,
      // until the server refuses a new connection (it has stopped listening).
      let sigtermSent = false;
      const outcomes: Outcome[] = [];
      let completed = 0;
      let enoughLoad!: () => void;
      const loaded = new Promise<void>((resolve) => (enoughLoad = resolve));
      const hammer = async (agent: http.Agent) => {
        for (let i = 0; ; i++) {
          const outcome = await send(service.port, agent, 'GET', i % 2 === 0 ? `/feeds/${ORG}.xml` : '/healthz');
          if ('error' in outcome && outcome.error === 'ECONNREFUSED' && sigtermSent) return;
          outcomes.push(outcome);
          if (++completed >= CLIENTS * 4) enoughLoad();
          if ('error' in outcome && !sigtermSent) return; // a failure before the drain is reported below
        }
      };
      const clients = Array.from({ length: CLIENTS }, () => {
        const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
        agents.push(agent);
        return hammer(agent);
      });
      await loaded;

      // An apply on a kept-alive socket, then SIGTERM while the feed requests are in flight, then requests on the
      // idle kept-alive sockets, one every few milliseconds: some land before the server stops listening, some after.
      const email = `drain-${Date.now()}@candidate.test`;
      const apply = send(
        service.port,
        applyAgent,
        'POST',
        '/public/graphql',
        { 'content-type': 'application/json', authorization: `Bearer ${postingsKey}` },
        JSON.stringify({
          query: 'mutation($id: ID!, $input: ApplicationInput!) { applyToPosting(postingId: $id, input: $input) { applicationId } }',
          variables: { id: posting.id, input: { name: 'Drain Candidate', email } },
        }),
      );
      sigtermSent = true;
      service.child.kill('SIGTERM');
      for (const [i, socket] of idle.entries()) setTimeout(() => socket.writeSecond(), i * IDLE_WRITE_SPACING_MS);

      const [applied, idleOutcomes] = await Promise.all([apply, Promise.all(idle.map((s) => s.outcome())), Promise.all(clients)]);
      expect(await service.exited).toBe(0);

      // Every hammering request got a complete response: 200, or 503 telling the client to close. No resets.
      const failures = outcomes.filter((o) => 'error' in o);
      expect(failures).toEqual([]);
      const statuses = outcomes.map((o) => ('status' in o ? o.status : 0));
      expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
      for (const o of outcomes) if ('status' in o && o.status === 503) expect(o.connection).toBe('close');
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(CLIENTS * 4);

      // The requests written on idle kept-alive sockets around SIGTERM were read and answered in full (served
      // before the drain, or 503 + Connection: close during it), then the server closed the socket without a reset.
      expect(idleOutcomes.map((o) => o.error).filter((error) => error !== null)).toEqual([]);
      for (const o of idleOutcomes) {
        expect(o.received).toMatch(/^HTTP\/1\.1 (200 [\s\S]*\{"status":"ok"\}|503 [\s\S]*"statusCode":503\})$/);
        if (o.received.startsWith('HTTP/1.1 503')) expect(o.received.toLowerCase()).toContain('connection: close');
      }

      // The apply is either acknowledged and stored, or refused with 503 and not stored: never lost or ambiguous.
      const stored = await query<{ id: string }>(databaseUrl, 'select id from applications where email = $1', [email]);
      expect('error' in applied ? applied.error : null).toBeNull();
      if ('status' in applied && applied.status === 200) {
        const id = (JSON.parse(applied.body) as { data: { applyToPosting: { applicationId: string } } }).data.applyToPosting.applicationId;
        expect(stored).toEqual([{ id }]);
      } else {
        expect(applied).toMatchObject({ status: 503, connection: 'close' });
        expect(stored).toEqual([]);
      }
    } finally {
      for (const agent of agents) agent.destroy();
    }
  });
});
