/**
 * `npm run bench [-- --quick]`: every benchmark, one after another, each in its own
 * process (its own embedded PostgreSQL, heap and event loop, so one bench's
 * leftovers cannot slow the next). Each writes its own section of docs/BENCHMARKS.md
 * and prints its table. Default sizes are the issue's (well under 15 minutes on 2
 * cores); --quick uses small sizes for a smoke run of a minute or two.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { hasFlag } from './lib/args';

const quick = hasFlag(process.argv, 'quick');

const BENCHES: [script: string, args: string[]][] = quick
  ? [
      ['public-postings.ts', ['--postings', '2000,20000', '--seconds', '2']],
      ['credential-verification.ts', []],
      ['usage-overhead.ts', ['--seconds', '2', '--rounds', '2']],
      ['depth.ts', ['--postings', '100000', '--samples', '10']],
      ['feed.ts', ['--postings', '2000']],
      ['feed-not-modified.ts', ['--postings', '10000', '--samples', '50']],
      ['applies.ts', ['--seconds', '3']],
      ['compat.ts', ['--postings', '2000', '--seconds', '2']],
      ['career-pages.ts', ['--postings', '2000', '--seconds', '2']],
      ['hostile-flood.ts', ['--seconds', '3']],
      ['peer-postgraphile.ts', ['--postings', '2000', '--seconds', '2', '--rounds', '1']],
      ['feed-lag.ts', ['--postings', '2000', '--pulls', '4', '--parallel', '2']],
    ]
  : [
      ['public-postings.ts', ['--postings', '10000,100000', '--seconds', '5']],
      ['credential-verification.ts', []],
      ['usage-overhead.ts', ['--seconds', '5', '--rounds', '3']],
      ['depth.ts', ['--postings', '1000000']],
      ['feed.ts', ['--postings', '10000,100000']],
      ['feed-not-modified.ts', ['--postings', '100000']],
      ['applies.ts', ['--seconds', '10']],
      ['compat.ts', ['--postings', '10000', '--seconds', '5']],
      ['career-pages.ts', ['--postings', '10000', '--seconds', '5']],
      ['hostile-flood.ts', ['--seconds', '10']],
      ['peer-postgraphile.ts', ['--postings', '10000', '--seconds', '5', '--rounds', '2']],
      ['feed-lag.ts', ['--postings', '10000', '--pulls', '8', '--parallel', '4']],
    ];

const viteNode = path.resolve('node_modules/.bin/vite-node');
const started = performance.now();
const failed: string[] = [];
for (const [script, args] of BENCHES) {
  const at = performance.now();
  process.stderr.write(`\n=== ${script} ${args.join(' ')}\n`);
  const result = spawnSync(viteNode, [path.join('scripts/bench', script), '--', ...args], { stdio: 'inherit' });
  if (result.status !== 0) failed.push(script);
  process.stderr.write(`=== ${script}: ${result.status === 0 ? 'done' : 'FAILED'} in ${((performance.now() - at) / 1000).toFixed(0)} s\n`);
}
process.stderr.write(`\nAll benchmarks in ${((performance.now() - started) / 60_000).toFixed(1)} min; results in docs/BENCHMARKS.md.${failed.length ? ` Failed: ${failed.join(', ')}` : ''}\n`);
process.exitCode = failed.length ? 1 : 0;
