/**
 * Applies per second: each of 20 concurrent clients loops over the candidate's real
 * path, POST /uploads (multipart, purpose RESUME, a 200 KB PDF) then applyToPosting
 * on /public/graphql with that upload, for a fixed duration. The apply rate limit is
 * raised for the run (JOBGATE_APPLY_RATE_PER_SECOND), as the issue asks. Afterwards
 * the stored applications are counted and compared with the acknowledged ones.
 *
 *   npx vite-node scripts/bench/applies.ts -- [--seconds 10] [--concurrency 20]
 *
 * The clients are plain fetch loops in this process rather than autocannon, because
 * each iteration is two dependent requests (the apply needs the upload's id).
 */
import { startBenchApp, createBenchOrg } from './lib/bench-app';
import { intFlag } from './lib/args';
import { openBenchDatabase } from './lib/bench-database';
import { multipart } from '../../test/helpers/multipart';
import { machineLine, table, writeSection } from './lib/report';

const APPLY = `mutation($postingId: ID!, $input: ApplicationInput!) { applyToPosting(postingId: $postingId, input: $input) { applicationId } }`;
const RESUME_BYTES = 200 * 1024;

/** A PDF that passes content sniffing, padded with a comment to 200 KB (PDF readers skip `%` lines). */
function resumePdf(): Buffer {
  const head = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n');
  const tail = Buffer.from('\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  const pad = Buffer.concat([Buffer.from('%'), Buffer.alloc(RESUME_BYTES - head.length - tail.length - 1, 0x61)]);
  return Buffer.concat([head, pad, tail]);
}

async function main() {
  const seconds = intFlag(process.argv, 'seconds', 10);
  const concurrency = intFlag(process.argv, 'concurrency', 20);
  const db = await openBenchDatabase('jobgate_bench_applies');
  const app = await startBenchApp(db.url, { JOBGATE_APPLY_RATE_PER_SECOND: '1000000' });
  try {
    const org = await createBenchOrg(app, 1);
    const [{ id: postingId }] = await app.orm.em.fork().getConnection().execute<{ id: string }[]>('select id from postings where organization_id = ? limit 1', [org.id]);
    const pdf = resumePdf();
    const auth = { authorization: `Bearer ${org.postingsKey}` };
    let acknowledged = 0;
    const failures = new Map<string, number>();
    const fail = (why: string): void => void failures.set(why, (failures.get(why) ?? 0) + 1);
    const latencies: number[] = [];
    // The two halves timed apart, to show which one the time goes to.
    const uploadMs: number[] = [];
    const applyMs: number[] = [];

    const once = async (n: number): Promise<void> => {
      const started = performance.now();
      const form = multipart([
        { name: 'purpose', value: 'RESUME' },
        { name: 'file', value: pdf, filename: 'resume.pdf', contentType: 'application/pdf' },
      ]);
      const up = await fetch(`${app.base}/uploads`, { method: 'POST', headers: { ...auth, 'content-type': form.contentType }, body: new Uint8Array(form.body.buffer as ArrayBuffer, form.body.byteOffset, form.body.length) });
      const upJson = (await up.json()) as { id?: string; error?: { code: string } };
      if (up.status !== 201 || !upJson.id) return fail(`upload ${up.status} ${upJson.error?.code ?? ''}`);
      const uploaded = performance.now();
      const input = { name: `Bench Candidate ${n}`, email: `candidate-${n}@bench.test`, resumeUploadId: upJson.id };
      const res = await fetch(`${app.base}/public/graphql`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ query: APPLY, variables: { postingId, input } }) });
      const json = (await res.json()) as { data?: { applyToPosting?: { applicationId: string } }; errors?: { extensions?: { code?: string } }[] };
      if (!json.data?.applyToPosting?.applicationId) return fail(`apply ${res.status} ${json.errors?.[0]?.extensions?.code ?? ''}`);
      acknowledged += 1;
      const done = performance.now();
      latencies.push(done - started);
      uploadMs.push(uploaded - started);
      applyMs.push(done - uploaded);
    };

    // Warm-up, unmeasured and not counted below: JIT, pools, the credential cache.
    for (let i = 0; i < 20; i++) await once(-1 - i);
    const [{ n: before }] = await app.orm.em.fork().getConnection().execute<{ n: string }[]>('select count(*) as n from applications where organization_id = ?', [org.id]);
    acknowledged = 0;
    latencies.length = 0;
    uploadMs.length = 0;
    applyMs.length = 0;
    failures.clear();

    const statementsBefore = app.queries.count;
    let next = 0;
    const deadline = performance.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < deadline) await once(next++);
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const statements = (app.queries.count - statementsBefore) / Math.max(1, acknowledged);
    const [{ n: after }] = await app.orm.em.fork().getConnection().execute<{ n: string }[]>('select count(*) as n from applications where organization_id = ?', [org.id]);
    const stored = Number(after) - Number(before);
    const pct = (p: number, list = latencies) => {
      const sorted = [...list].sort((a, b) => a - b);
      return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))].toFixed(0) : 'n/a';
    };
    const perSecond = acknowledged / elapsed;

    const markdown = [
      '## Applies',
      '',
      `${concurrency} concurrent clients in this process, each looping for ${seconds} s over \`POST /uploads\` (multipart, purpose RESUME,`,
      `a ${RESUME_BYTES / 1024} KB PDF) then \`applyToPosting\` with that upload (a new candidate email each time), over loopback,`,
      'after 20 unmeasured warm-up applies. The apply rate limit is raised for the run (`JOBGATE_APPLY_RATE_PER_SECOND=1000000`).',
      'Latency is per upload + apply pair. Stored = rows added to `applications` during the run, counted afterwards.',
      `Run: \`npx vite-node scripts/bench/applies.ts -- --seconds ${seconds} --concurrency ${concurrency}\`.`,
      '',
      machineLine(db.serverVersion),
      '',
      table(
        ['applies/s', 'goal', 'p50 ms (upload / apply)', 'p99 ms', 'SQL statements per upload + apply', 'acknowledged', 'stored', 'stored = acknowledged', 'failures'],
        [
          [
            perSecond.toFixed(1),
            `≥ 200/s: ${perSecond >= 200 ? 'met' : '**missed**'}`,
            `${pct(0.5)} (${pct(0.5, uploadMs)} / ${pct(0.5, applyMs)})`,
            pct(0.99),
            statements.toFixed(1),
            acknowledged,
            stored,
            stored === acknowledged ? 'yes' : '**no**',
            failures.size ? [...failures].map(([k, v]) => `${k}: ${v}`).join(', ') : 'none',
          ],
        ],
      ),
    ].join('\n');
    writeSection('applies', markdown);
    process.stdout.write(markdown + '\n');
  } finally {
    await app.close();
    await db.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
