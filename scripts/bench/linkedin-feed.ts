/**
 * The LinkedIn feed against the Indeed feed, in the same run: time to last byte of
 * `GET /feeds/:slug/linkedin.xml` and `GET /feeds/:slug.xml` for one organization
 * with N published postings (Lever-sized HTML), gzip as crawlers ask for it, rounds
 * alternating so drift hits both alike. Goal: LinkedIn at least as fast as Indeed.
 *
 *   npx vite-node scripts/bench/linkedin-feed.ts -- --postings 10000 --rounds 3
 */
import pg from 'pg';
import { Plan } from '../../src/modules/organizations/organization.entity';
import { intFlag } from './lib/args';
import { startBenchApp } from './lib/bench-app';
import { fetchCounting, seedPostings } from './lib/feed-postings';
import { machineLine, table } from './lib/report';
import { runBench, type BenchRun } from './lib/runner';

/** One timed pull; resolves to milliseconds and bytes. */
async function pull(url: string): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const bytes = await fetchCounting(url, { 'accept-encoding': 'gzip' });
  return { ms: performance.now() - started, bytes };
}

async function body({ argv, db, watch }: BenchRun): Promise<string> {
  const postings = intFlag(argv, 'postings', 10_000);
  const rounds = intFlag(argv, 'rounds', 3);
  const app = await startBenchApp(db.url);
  const { base, services } = app;
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const slug = `linkedin-bench-${Date.now().toString(36)}`;
    const { organization } = await services.signup.createOrganization({ slug, name: 'LinkedIn bench', plan: Plan.FULL, adminEmail: `admin@${slug}.test`, adminPassword: 'bench password 1234' });
    await seedPostings(client, organization.id, postings);
    // Both feeds on, and a LinkedIn company id, as an organization that uses both has them.
    await client.query(`update organizations set settings = settings || '{"feed_enabled": true, "linkedin_feed_enabled": true, "linkedin_company_id": "1234567"}'::jsonb where id = $1`, [organization.id]);
    await client.query('analyze');
    const indeedUrl = `${base}/feeds/${slug}.xml`;
    const linkedinUrl = `${base}/feeds/${slug}/linkedin.xml`;
    await pull(indeedUrl); // warm-up, not reported
    await pull(linkedinUrl);
    const indeed: { ms: number; bytes: number }[] = [];
    const linkedin: { ms: number; bytes: number }[] = [];
    // Which feed goes first alternates: whatever the first pull of a round pays (a collection,
    // a cold page) is then paid by each feed alike.
    for (let i = 0; i < rounds; i++) {
      const pullIndeed = async () => indeed.push(await watch.phase(`round ${i + 1} Indeed`, () => pull(indeedUrl)));
      const pullLinkedin = async () => linkedin.push(await watch.phase(`round ${i + 1} LinkedIn`, () => pull(linkedinUrl)));
      if (i % 2 === 0) {
        await pullIndeed();
        await pullLinkedin();
      } else {
        await pullLinkedin();
        await pullIndeed();
      }
    }
    const total = (rs: { ms: number }[]) => rs.reduce((n, r) => n + r.ms, 0);
    const ratio = total(linkedin) / total(indeed);
    return [
      '## LinkedIn feed vs Indeed feed',
      '',
      `Time to last byte (gzip) of the LinkedIn feed and the Indeed feed of one organization with ${postings.toLocaleString('en-US')} published postings`,
      `(Lever-sized HTML), fetched over loopback by a client in the same process, ${rounds} rounds after one unmeasured pull of each (Indeed first in odd rounds, LinkedIn first in even ones).`,
      `Run: \`npx vite-node scripts/bench/linkedin-feed.ts -- --postings ${postings} --rounds ${rounds}\`. Goal: LinkedIn at least as fast as Indeed.`,
      '',
      machineLine(db.serverVersion),
      '',
      table(
        ['round', 'Indeed: s (gzip MB)', 'LinkedIn: s (gzip MB)'],
        indeed.map((r, i) => [String(i + 1), `${(r.ms / 1000).toFixed(2)} (${(r.bytes / 2 ** 20).toFixed(1)})`, `${(linkedin[i].ms / 1000).toFixed(2)} (${(linkedin[i].bytes / 2 ** 20).toFixed(1)})`]),
      ),
      '',
      `**LinkedIn / Indeed time: ${ratio.toFixed(2)}×** (sum of rounds) — goal ≤ 1.00×: ${ratio <= 1 ? 'met' : 'NOT met'}.`,
    ].join('\n');
  } finally {
    await client.end();
    await app.close();
  }
}

void runBench({ section: 'linkedin-feed', database: 'jobgate_bench_linkedin_feed', body });
