/**
 * A CPU profile of the public postings page (50 postings with every field, totalCount
 * and facets; the query of public-postings.ts and peer-postgraphile.ts), served by the
 * real app over HTTP with the public cache off, once on graphql-js and once compiled.
 * Each run sends `--requests` sequential requests after a warm-up that compiles the
 * document, under node:inspector's Profiler (the data of node --cpu-prof without the
 * start-up), and prints the self time by package and by function, of the time spent
 * working (waiting for I/O left out). Not a timed
 * benchmark: percentages say where the CPU goes, not how fast it is.
 *
 *   npx vite-node scripts/bench/profile-public.ts -- [--postings 2000] [--requests 300] [--query facets|peer]
 *
 * --query peer profiles the PostGraphile comparison's request instead (page + totalCount, no facets).
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import { choiceFlag, intFlag } from './lib/args';
import { PEER_VARIANTS } from './lib/peer-queries';
import { createBenchOrg, startBenchApp, type BenchApp } from './lib/bench-app';
import { openBenchDatabase } from './lib/bench-database';
import { PAGE_SIZE, requestBody } from './lib/postings-query';
import { summarizeProfile, WAITING_FRAMES } from './applies/profile-summary';

const PROFILE_DIR = path.resolve('.data/bench-profiles');

/** node:http, not fetch: undici's parser would share the profile with the server (client and server are one process). */
function post(app: BenchApp, key: string, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${app.base}/public/graphql`, { method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        if (res.statusCode !== 200 || text.includes('"errors"')) reject(new Error(`public postings failed: ${res.statusCode} ${text.slice(0, 300)}`));
        else resolve();
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

async function profileRun(url: string, compiled: boolean, postings: number, requests: number, query: 'facets' | 'peer'): Promise<string> {
  const app = await startBenchApp(url, { JOBGATE_PUBLIC_CACHE_BYTES: '0', JOBGATE_COMPILED_EXECUTION: String(compiled), JOBGATE_COMPILE_AFTER: '1' });
  try {
    const org = await createBenchOrg(app, postings);
    const body = query === 'peer' ? PEER_VARIANTS[0]!.jobgateBody : requestBody(PAGE_SIZE, null);
    for (let i = 0; i < 30; i++) await post(app, org.postingsKey, body);
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    const started = process.cpuUsage();
    for (let i = 0; i < requests; i++) await post(app, org.postingsKey, body);
    const used = process.cpuUsage(started);
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    fs.mkdirSync(PROFILE_DIR, { recursive: true });
    const file = path.join(PROFILE_DIR, `public-postings-${compiled ? 'compiled' : 'graphql-js'}-${Date.now()}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(profile));
    // Process CPU (server and this client share the process; the client's part is the same in both runs).
    const perRequest = (used.user + used.system) / 1000 / requests;
    return `## ${compiled ? 'compiled (graphql-jit)' : 'graphql-js'}: ${requests} requests, process CPU ${perRequest.toFixed(2)} ms per request\n${file}\n${summarizeProfile(file, WAITING_FRAMES)}`;
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const postings = intFlag(argv, 'postings', 2000);
  const requests = intFlag(argv, 'requests', 300);
  const query = choiceFlag(argv, 'query', ['facets', 'peer'] as const, 'facets');
  const db = await openBenchDatabase('jobgate_profile');
  try {
    for (const compiled of [false, true]) process.stdout.write(`${await profileRun(db.url, compiled, postings, requests, query)}\n\n`);
  } finally {
    await db.close();
  }
}

void main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
