/**
 * Feed benchmark: time to last byte and peak RSS growth of GET /feeds/:slug.xml for
 * N published postings, against a raw baseline in the same run (the same rows read
 * with `pg` in one query and concatenated into one string by hand).
 *
 *   npx vite-node scripts/bench/feed.ts -- --postings 10000,100000
 *
 * Everything runs in this process: the server, the HTTP client (which counts bytes
 * and keeps none) and an RSS sampler (every 10 ms). Our route is measured for every
 * size before any baseline runs, because the baseline's big string leaves the heap
 * grown and would hide our own growth.
 */
import http from 'node:http';
import os from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { loadConfig } from '../../src/config';
import { connectOrm } from '../../src/app/orm-config';
import { buildApp } from '../../src/app/build-app';
import { createLogger } from '../../src/logger';
import { Plan } from '../../src/modules/organizations/organization.entity';
import { createServices } from '../../src/app/services';
import { runBench, type BenchRun } from './lib/runner';
import { fetchCounting, seedPostings } from './lib/feed-postings';
import { machineLine, table } from './lib/report';
import { publiclyVisibleSql } from '../../src/modules/postings/public-visibility';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function sizes(argv: string[]): number[] {
  const at = argv.indexOf('--postings');
  const raw = at >= 0 ? argv[at + 1] : '10000,100000';
  const list = raw.split(',').map((s) => Number(s.trim()));
  if (list.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`--postings wants positive integers, got "${raw}"`);
  return list;
}

interface Measure {
  ms: number;
  rssGrowthMb: number;
  bytes: number;
}

/** Runs `work` while sampling RSS every 10 ms; growth is the peak over the RSS just before. */
async function measured(work: () => Promise<number>): Promise<Measure> {
  gc();
  await new Promise((r) => setTimeout(r, 50));
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const started = performance.now();
  const bytes = await work();
  const ms = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms, rssGrowthMb: (peak - before) / 2 ** 20, bytes };
}

const MAX_STRING_CHARS = 400 * 2 ** 20;

/**
 * The raw baseline: the same rows in one query with `pg`, concatenated into one
 * XML string by hand (no escaping, no CDATA splitting, no streaming).
 */
async function rawBaseline(client: pg.Client, organizationId: string): Promise<number> {
  const { rows } = await client.query(
    `select p.id, p.title, p.published_at, p.team, p.commitment, p.locations, p.opening_html, p.description_html, p.lists, p.additional_html, p.salary_range
     from postings p where p.organization_id = $1 and ${publiclyVisibleSql('p')} order by p.published_at desc, p.id desc`,
    [organizationId],
  );
  // V8 caps a string at about 512 M characters; past that the "one string" becomes a few.
  const strings: string[] = [];
  let xml = '<?xml version="1.0" encoding="utf-8"?>\n<source>\n';
  for (const r of rows) {
    const lists = (r.lists as { title: string; contentHtml: string }[]).map((l) => `<h3>${l.title}</h3><ul>${l.contentHtml}</ul>`).join('');
    for (const loc of r.locations as { city: string; region: string; countryCode: string }[]) {
      let job = `<job><title><![CDATA[${r.title}]]></title><date><![CDATA[${(r.published_at as Date).toUTCString()}]]></date>`;
      job += `<referencenumber><![CDATA[${r.id}]]></referencenumber><url><![CDATA[https://example.com/${r.id}]]></url>`;
      job += `<city><![CDATA[${loc.city}]]></city><state><![CDATA[${loc.region}]]></state><country><![CDATA[${loc.countryCode}]]></country>`;
      job += `<description><![CDATA[${r.opening_html ?? ''}${r.description_html ?? ''}${lists}${r.additional_html ?? ''}]]></description>`;
      job += `<jobtype><![CDATA[${r.commitment}]]></jobtype><category><![CDATA[${r.team}]]></category></job>\n`;
      if (xml.length + job.length > MAX_STRING_CHARS) {
        strings.push(xml);
        xml = '';
      }
      xml += job;
    }
  }
  strings.push(xml + '</source>\n');
  // Byte length flattens each string, as sending it would.
  return strings.reduce((bytes, part) => bytes + Buffer.byteLength(part), 0);
}

/** Mean time of a revalidation that ends in 304: the org lookup plus the aggregate, no posting read. */
async function notModifiedMs(url: string, times = 20): Promise<number> {
  const once = () =>
    new Promise<void>((resolve, reject) => {
      http
        .get(url, { headers: { 'if-none-match': '*' } }, (res) => {
          if (res.statusCode !== 304) reject(new Error(`expected 304, got ${res.statusCode}`));
          res.resume().on('end', resolve);
        })
        .on('error', reject);
    });
  await once();
  const started = performance.now();
  for (let i = 0; i < times; i++) await once();
  return (performance.now() - started) / times;
}

const mb = (n: number) => n.toFixed(1);
const seconds = (ms: number) => (ms / 1000).toFixed(2);

/** The measurement; lib/runner.ts opens the database, writes the section and reports failures. */
export async function body({ argv, db, watch }: BenchRun): Promise<string> {
  const counts = sizes(argv);
  const config = loadConfig({ DATABASE_URL: db.url, JOBGATE_SECRET_KEY: Buffer.alloc(32, 9).toString('base64'), LOG_LEVEL: 'warn', JOBGATE_DEMO: 'false' });
  const orm = await connectOrm({ clientUrl: db.url, poolMax: 10 });
  const services = await createServices(config, orm, createLogger('warn'));
  const app = await buildApp(services);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const orgs: { n: number; id: string; slug: string }[] = [];
    for (const n of [200, ...counts]) {
      const slug = `feed-bench-${n}-${Date.now().toString(36)}`;
      const { organization } = await services.signup.createOrganization({ slug, name: `Bench ${n}`, plan: Plan.FULL, adminEmail: `admin@${slug}.test`, adminPassword: 'bench password 1234' });
      const started = performance.now();
      await seedPostings(client, organization.id, n);
      console.error(`seeded ${n} postings in ${seconds(performance.now() - started)} s`);
      orgs.push({ n, id: organization.id, slug });
    }
    await client.query('analyze');
    // Warm-up, unmeasured: JIT, pools, and the young generation growing to its working size.
    const warm = orgs.shift()!;
    await fetchCounting(`${base}/feeds/${warm.slug}.xml`, { 'accept-encoding': 'identity' });
    await fetchCounting(`${base}/feeds/${orgs[0].slug}.xml`, { 'accept-encoding': 'identity' });

    const ours = new Map<number, { identity: Measure; gzip: Measure; notModifiedMs: number }>();
    for (const org of orgs) {
      const url = `${base}/feeds/${org.slug}.xml`;
      const identity = await watch.phase(`ours ${org.n} identity`, () => measured(() => fetchCounting(url, { 'accept-encoding': 'identity' })));
      const gzip = await watch.phase(`ours ${org.n} gzip`, () => measured(() => fetchCounting(url, { 'accept-encoding': 'gzip' })));
      ours.set(org.n, { identity, gzip, notModifiedMs: await watch.phase(`ours ${org.n} 304`, () => notModifiedMs(url)) });
      console.error(`ours ${org.n}: ${seconds(identity.ms)} s, +${mb(identity.rssGrowthMb)} MB; gzip ${seconds(gzip.ms)} s, +${mb(gzip.rssGrowthMb)} MB`);
    }
    const raw = new Map<number, Measure>();
    for (const org of orgs) {
      const m = await watch.phase(`raw ${org.n}`, () => measured(() => rawBaseline(client, org.id)));
      raw.set(org.n, m);
      console.error(`raw ${org.n}: ${seconds(m.ms)} s, +${mb(m.rssGrowthMb)} MB`);
    }

    const rows = orgs.map(({ n }) => {
      const o = ours.get(n)!;
      const r = raw.get(n)!;
      return [
        n.toLocaleString('en-US'),
        `${mb(o.identity.bytes / 2 ** 20)} MB`,
        seconds(o.identity.ms),
        mb(o.identity.rssGrowthMb),
        `${seconds(o.gzip.ms)} (${mb(o.gzip.bytes / 2 ** 20)} MB)`,
        mb(o.gzip.rssGrowthMb),
        o.notModifiedMs.toFixed(1),
        seconds(r.ms),
        mb(r.rssGrowthMb),
        (o.identity.ms / r.ms).toFixed(2) + '×',
      ];
    });
    const markdown = [
      '## Feed',
      '',
      '`GET /feeds/:slug.xml` for an organization with N published postings (one location each, Lever-sized HTML),',
      'fetched over loopback by a client in the same process that counts bytes and keeps none. RSS is sampled every',
      '10 ms; growth is the peak over the RSS just before the request (after a GC and one unmeasured warm-up pull of the',
      'smallest feed). The raw baseline reads the same',
      'rows with `pg` in one query and concatenates them into one XML string by hand (no escaping, no streaming).',
      `Run: \`npx vite-node scripts/bench/feed.ts -- --postings ${counts.join(',')}\`.`,
      '',
      machineLine(db.serverVersion),
      '',
      table(
        ['postings', 'feed size', 'ours: time to last byte (s)', 'ours: RSS growth (MB)', 'ours gzip: time (s)', 'ours gzip: RSS growth (MB)', 'ours 304 (ms)', 'raw: time (s)', 'raw: RSS growth (MB)', 'time vs raw'],
        rows,
      ),
      '',
      `Target: RSS growth under 64 MB at 100 000 postings. ${os.cpus().length} cores.`,
    ].join('\n');
    return markdown;
  } finally {
    await client.end();
    await app.close();
    await services.close();
    await orm.close();
  }
}


void runBench({ section: 'feed', database: 'jobgate_bench_feed', body });
