/**
 * The one `main()` every benchmark shares: it opens the benchmark's database, runs the
 * body with the command line, prints the body's markdown, writes it as the body's
 * section of docs/BENCHMARKS.md (unless `--no-write`), always closes the database,
 * and turns a failure into a stack trace and exit code 1.
 */
import { openBenchDatabase, type BenchDatabase } from './bench-database';
import { writeSection } from './report';

export interface BenchRun {
  /** The command line (flags are read with lib/args.ts). */
  argv: string[];
  /** The migrated database of this run; the runner closes it. */
  db: BenchDatabase;
}

export interface Bench {
  /** The `<!-- bench:… -->` section of docs/BENCHMARKS.md this benchmark owns. */
  section: string;
  /** Its own database name, so benchmarks never share rows. */
  database: string;
  /** Measures and returns the section's markdown. */
  body(run: BenchRun): Promise<string>;
}

export async function runBench(bench: Bench, argv: string[] = process.argv): Promise<void> {
  try {
    const db = await openBenchDatabase(bench.database);
    try {
      const markdown = await bench.body({ argv, db });
      if (!argv.includes('--no-write')) writeSection(bench.section, markdown);
      process.stdout.write(`${markdown.trimEnd()}\n`);
    } finally {
      await db.close();
    }
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  }
}
