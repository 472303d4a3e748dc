#!/usr/bin/env node
import { buildInputsHash } from './build-inputs.mjs';
import { BUILT_ENTRY, hasBuild, readStamp } from './build-stamp.mjs';

/**
 * `npm run serve`'s check: the built server must exist (it never builds, so a deployment
 * that built once starts in seconds and never needs the compilers). A build older than the
 * sources is served anyway, with a note: on a server that is usually deliberate.
 */
const root = process.cwd();
if (!hasBuild(root)) {
  process.stderr.write(`error: no build in ${root}/dist (${BUILT_ENTRY} or the console is missing). Run \`npm run build\` first, or \`npm start\`, which builds when needed.\n`);
  process.exit(1);
}
if (readStamp(root) !== buildInputsHash(root)) {
  process.stderr.write('note: dist/ was built from other sources than these; serving it anyway (`npm run build` to rebuild)\n');
}
