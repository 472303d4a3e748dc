/**
 * Jobgate in its own process for a benchmark, so its CPU is its own and the load
 * generator runs elsewhere. The real app as bench-app.ts builds it (buildApp +
 * createServices, as main.ts does), configured from this process's JOBGATE_*
 * variables (e.g. JOBGATE_PUBLIC_CACHE_BYTES=0). Run by vite-node (decorators need
 * the SWC transform of vite.config.ts):
 *
 *   DATABASE_URL=… node node_modules/vite-node/vite-node.mjs scripts/bench/lib/jobgate-server.ts
 *
 * Prints one JSON line {"url": "http://127.0.0.1:<port>/public/graphql"}; stops on SIGTERM.
 */
import 'reflect-metadata';
import { startBenchApp } from './bench-app';

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is required');
  const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[0].startsWith('JOBGATE_') && e[1] !== undefined));
  const app = await startBenchApp(databaseUrl, env);
  process.stdout.write(JSON.stringify({ url: `${app.base}/public/graphql` }) + '\n');
  process.once('SIGTERM', () => {
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`jobgate-server: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
