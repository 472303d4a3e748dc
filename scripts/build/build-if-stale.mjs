#!/usr/bin/env node
import { spawnSync } from 'node:child_process';
import { buildInputsHash } from './build-inputs.mjs';
import { takeBuildLock } from './build-lock.mjs';
import { isFresh, writeStamp } from './build-stamp.mjs';

/**
 * `npm start`'s pre-step and `npm run build`: compiles (build:compile) only when the sources
 * differ from what dist/ was built from, or always with --always. Runs in the package root
 * (npm's working directory for scripts). Plain Node, no TypeScript loader: it runs before
 * anything is compiled, and should cost milliseconds when there is nothing to do.
 */
const root = process.cwd();
const always = process.argv.includes('--always');
const say = (line) => process.stderr.write(`${line}\n`);

const release = await takeBuildLock(root, { onWait: (pid) => say(`another build is running in this folder (pid ${pid}); waiting for it…`) });
try {
  // Hashed under the lock: a build that finished while we waited has made dist/ fresh.
  const hash = buildInputsHash(root);
  if (!always && isFresh(root, hash)) {
    say('build is up to date (dist/ matches the sources); not rebuilding');
  } else {
    say(always ? 'building…' : 'sources changed since the last build (or no build yet); building…');
    const build = spawnSync('npm', ['run', 'build:compile'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) {
      say('build failed');
      process.exitCode = build.status ?? 1;
    } else {
      // The hash taken before compiling: an edit made during the build makes the next start rebuild.
      writeStamp(root, hash);
    }
  }
} finally {
  release();
}
