import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { BadInputError } from '../../src/errors';
import { createFileStore } from '../../src/modules/uploads/create-file-store';
import { migrateFiles } from '../../src/modules/uploads/file-migration';
import type { Command } from './command';

const KINDS = ['fs', 's3', 'postgres'] as const;
type Kind = (typeof KINDS)[number];

function kind(field: string, value: string | undefined): Kind {
  if (!KINDS.includes(value as Kind)) throw BadInputError.field(field, 'must be fs, s3 or postgres');
  return value as Kind;
}

/**
 * `files:migrate --to s3|fs [--from postgres|fs|s3]`: copies every stored file into
 * another store, configured by the same variables as the server's. `--from` defaults to
 * the configured store (JOBGATE_FILE_STORE). Run it again until it copies nothing, then
 * switch JOBGATE_FILE_STORE to the target and restart.
 */
export const filesMigrate: Command = {
  usage: '--to fs|s3 [--from postgres|fs|s3]   (copies stored files to another store; idempotent, resumable)',
  async run(services, args) {
    const { values } = parseArgs({ args, options: { to: { type: 'string' }, from: { type: 'string' } }, strict: true });
    const config = services.config.fileStore;
    const to = kind('--to', values.to);
    const from = values.from === undefined ? services.uploads.store.kind : kind('--from', values.from);
    if (from === to) throw BadInputError.field('--to', `is the same store as the source (${from})`);
    const knex = services.orm.em.getKnex();
    const source = from === services.uploads.store.kind ? services.uploads.store : createFileStore(from, config, knex);
    const target = createFileStore(to, config, knex);

    // The bar goes to stderr so stdout stays one JSON line for scripts.
    const bar = new cliProgress.SingleBar(
      // noTTYOutput: a run piped to a log file still shows its progress (every few seconds, and at the end).
      { stream: process.stderr, format: `moving files ${from} → ${to} [{bar}] {percentage}% | {value}/{total} | {duration}s`, hideCursor: true, noTTYOutput: true, notTTYSchedule: 2000 },
      cliProgress.Presets.shades_classic,
    );
    bar.start(0, 0);
    try {
      const report = await migrateFiles(services.orm, source, target, (done, total) => {
        bar.setTotal(total);
        bar.update(done);
      });
      return { from, to, ...report };
    } finally {
      bar.stop();
      if (source !== services.uploads.store) await source.close?.();
      await target.close?.();
    }
  },
};
