/**
 * The one `main()` every benchmark shares: it opens the benchmark's database, runs the
 * body with the command line and a load-average watch, prints the body's markdown,
 * writes it as the body's section of docs/BENCHMARKS.md through the load gate of
 * report.ts (unless `--no-write`; `--noisy` lets an overloaded run's figures in,
 * marked), always closes the database, and turns a failure into a stack trace and
 * exit code 1.
 */
import { hasFlag } from './args';
import { openBenchDatabase, type BenchDatabase } from './bench-database';
import { LoadWatch } from './load-average';
import { NOT_WRITTEN_EXIT_CODE, writeFigures } from './report';

export interface BenchRun {
  /** The command line (flags are read with lib/args.ts). */
  argv: string[];
  /** The migrated database of this run; the runner closes it. */
  db: BenchDatabase;
  /** Reads the load average around each timed phase (`watch.phase(name, …)`, or `load({ watch, … })`). */
  watch: LoadWatch;
}

export interface Bench {
  /** The `<!-- bench:… -->` section of docs/BENCHMARKS.md this benchmark owns. */
  section: string;
  /** Its own database name, so benchmarks never share rows. */
  database: string;
  /** Measures and returns the section's markdown, or null to print nothing and write nothing (e.g. a profiling run). */
  body(run: BenchRun): Promise<string | null>;
}

export async function runBench(bench: Bench, argv: string[] = process.argv): Promise<void> {
  try {
    const db = await openBenchDatabase(bench.database);
    const watch = new LoadWatch();
    try {
      const markdown = await bench.body({ argv, db, watch });
      if (markdown === null) return;
      process.stdout.write(`${markdown.trimEnd()}\n\n${watch.summary()}\n`);
      if (hasFlag(argv, 'no-write')) return;
      const outcome = writeFigures(bench.section, markdown, { watch, noisy: hasFlag(argv, 'noisy') });
      if (outcome === 'refused') {
        process.stderr.write(
          `NOT written to docs/BENCHMARKS.md (section ${bench.section}): ${watch.noisyBecause}. ` +
            'Run again on a quiet machine, or pass --noisy to write the figures marked as noisy.\n',
        );
        process.exitCode = NOT_WRITTEN_EXIT_CODE;
      } else process.stderr.write(`docs/BENCHMARKS.md, section ${bench.section}: ${outcome}\n`);
    } finally {
      await db.close();
    }
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  }
}
