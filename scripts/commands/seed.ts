import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { BadInputError } from '../../src/errors';
import { Organization } from '../../src/modules/organizations/organization.entity';
import { insertSyntheticPostings } from '../synthetic-postings';
import type { Command } from './command';

const MAX_POSTINGS = 10_000_000;

/** Synthetic published postings for benchmarks: `seed --org SLUG --postings N`. */
export const seed: Command = {
  usage: '--org SLUG --postings N   (synthetic published postings, for benchmarks)',
  async run(services, args) {
    const { values } = parseArgs({ args, options: { org: { type: 'string' }, postings: { type: 'string' } }, strict: true });
    if (!values.org) throw BadInputError.field('--org', 'is required');
    const count = Number(values.postings);
    if (!Number.isInteger(count) || count < 1 || count > MAX_POSTINGS) throw BadInputError.field('--postings', `must be an integer from 1 to ${MAX_POSTINGS}`);
    const em = services.orm.em.fork();
    const org = await em.findOne(Organization, { slug: values.org });
    if (!org) throw BadInputError.field('--org', `no organization with slug ${values.org}`);

    // The bar goes to stderr so stdout stays one JSON line for scripts.
    const bar = new cliProgress.SingleBar(
      { stream: process.stderr, format: 'seeding postings [{bar}] {percentage}% | {value}/{total} | {duration}s', hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    const started = process.hrtime.bigint();
    bar.start(count, 0);
    let inserted: number;
    try {
      inserted = await insertSyntheticPostings(em, org.id, count, (n) => bar.update(n));
    } finally {
      bar.stop();
    }
    // Fresh statistics, so the planner uses the indexes on the new rows right away.
    await em.getConnection().execute('analyze postings');
    await services.postings.changed(org.id);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { organizationId: org.id, inserted, seconds: Math.round(seconds * 100) / 100 };
  },
};
