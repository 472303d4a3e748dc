/**
 * The load generator of the applies benchmark, in its own process. Each of
 * `concurrency` clients loops over the candidate's real path: POST /uploads
 * (multipart, purpose RESUME, the 200 KB PDF) then applyToPosting with that upload
 * (a new candidate e-mail each time), over keep-alive HTTP/1.1 (node:http, lighter
 * than fetch). autocannon cannot chain the apply to the upload's id, hence this script.
 * IPC with the parent:
 *   ← { type: 'warmup', target, count }            → { type: 'warmed', acknowledged, failures }
 *   ← { type: 'run', target, seconds, concurrency } → { type: 'done', ...LoadRun }
 *   ← { type: 'preupload', target, count, concurrency } → { type: 'preuploaded', count }
 *   ← { type: 'run-applies', target, seconds, concurrency } → { type: 'done', ...LoadRun }: applies only,
 *     each with one of the pre-uploaded résumés, until the time is up or they run out
 */
import http from 'node:http';
import { multipart } from '../../../test/helpers/multipart';
import { resumePdf } from './resume';

export interface Target {
  base: string;
  postingsKey: string;
  postingId: string;
}

export interface LoadRun {
  acknowledged: number;
  elapsedSeconds: number;
  failures: Record<string, number>;
  /** Per upload + apply pair, and the two halves. */
  pairMs: number[];
  uploadMs: number[];
  applyMs: number[];
}

const APPLY = `mutation($postingId: ID!, $input: ApplicationInput!) { applyToPosting(postingId: $postingId, input: $input) { applicationId } }`;
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const form = multipart([
  { name: 'purpose', value: 'RESUME' },
  { name: 'file', value: resumePdf(), filename: 'resume.pdf', contentType: 'application/pdf' },
]);

function post(url: URL, headers: Record<string, string>, body: Buffer): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': String(body.length) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> });
        } catch (err) {
          reject(err as Error);
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

let sequence = 0;
const preuploaded: string[] = [];

/** Where the PDF's padding starts in the form: each upload writes its own number there. */
const PADDING_AT = form.body.indexOf('%aaaaaaaa') + 1;
let uploads = 0;

/**
 * The form with a résumé no other upload had: identical bytes would be one
 * content-addressed file, written once and found by every later upload, which is not
 * what a career site's candidates send.
 */
function uniqueForm(): Buffer {
  const body = Buffer.from(form.body);
  body.write(`${process.pid}-${uploads++}`.padEnd(24, 'a'), PADDING_AT, 'latin1');
  return body;
}

async function upload(target: Target): Promise<string | { failure: string }> {
  const up = await post(new URL('/uploads', target.base), { authorization: `Bearer ${target.postingsKey}`, 'content-type': form.contentType }, uniqueForm());
  const uploadId = up.json.id;
  if (up.status !== 201 || typeof uploadId !== 'string') return { failure: `upload ${up.status} ${(up.json.error as { code?: string } | undefined)?.code ?? ''}` };
  return uploadId;
}

/** One upload (or a pre-uploaded résumé) + apply; returns the two durations, or why it failed. */
async function once(target: Target, applyOnly = false): Promise<{ uploadMs: number; applyMs: number } | string> {
  const n = sequence++;
  const auth = `Bearer ${target.postingsKey}`;
  const started = performance.now();
  const uploadId = applyOnly ? preuploaded.pop()! : await upload(target);
  if (typeof uploadId !== 'string') return uploadId.failure;
  const uploaded = performance.now();
  const input = { name: `Bench Candidate ${n}`, email: `candidate-${process.pid}-${n}@bench.test`, resumeUploadId: uploadId };
  const res = await post(new URL('/public/graphql', target.base), { authorization: auth, 'content-type': 'application/json' }, Buffer.from(JSON.stringify({ query: APPLY, variables: { postingId: target.postingId, input } })));
  const data = res.json.data as { applyToPosting?: { applicationId?: string } } | undefined;
  if (!data?.applyToPosting?.applicationId) return `apply ${res.status} ${(res.json.errors as { extensions?: { code?: string } }[] | undefined)?.[0]?.extensions?.code ?? ''}`;
  return { uploadMs: uploaded - started, applyMs: performance.now() - uploaded };
}

async function run(target: Target, concurrency: number, seconds: number | null, count: number | null, applyOnly = false): Promise<LoadRun> {
  const result: LoadRun = { acknowledged: 0, elapsedSeconds: 0, failures: {}, pairMs: [], uploadMs: [], applyMs: [] };
  let started = 0;
  const deadline = seconds === null ? Infinity : performance.now() + seconds * 1000;
  const more = () => (applyOnly && !preuploaded.length ? false : count === null ? performance.now() < deadline : started < count);
  const at = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (more()) {
        started += 1;
        const outcome = await once(target, applyOnly).catch((err: unknown) => `error ${(err as Error).message}`);
        if (typeof outcome === 'string') result.failures[outcome] = (result.failures[outcome] ?? 0) + 1;
        else {
          result.acknowledged += 1;
          result.uploadMs.push(outcome.uploadMs);
          result.applyMs.push(outcome.applyMs);
          result.pairMs.push(outcome.uploadMs + outcome.applyMs);
        }
      }
    }),
  );
  result.elapsedSeconds = (performance.now() - at) / 1000;
  return result;
}

process.on('message', (raw: unknown) => {
  const message = raw as { type: string; target: Target; count?: number; seconds?: number; concurrency?: number };
  if (message.type === 'warmup') {
    void run(message.target, 1, null, message.count ?? 20).then((r) => process.send!({ type: 'warmed', acknowledged: r.acknowledged, failures: r.failures }));
  }
  if (message.type === 'run' || message.type === 'run-applies') {
    void run(message.target, message.concurrency ?? 20, message.seconds ?? 10, null, message.type === 'run-applies').then((r) => process.send!({ type: 'done', ...r }));
  }
  if (message.type === 'preupload') {
    let left = message.count ?? 0;
    void Promise.all(
      Array.from({ length: message.concurrency ?? 20 }, async () => {
        while (left > 0) {
          left -= 1;
          const id = await upload(message.target);
          if (typeof id === 'string') preuploaded.push(id);
        }
      }),
    ).then(() => process.send!({ type: 'preuploaded', count: preuploaded.length }));
  }
});
if (!process.send) throw new Error('run by scripts/bench/applies.ts (needs an IPC channel)');
process.send({ type: 'listening' });
