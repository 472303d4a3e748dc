import fs from 'node:fs';
import path from 'node:path';

/**
 * dist/.build-stamp holds the inputs hash a finished build was made from. It is written
 * only after the build succeeded, so a failed or interrupted build never looks fresh.
 */
export const BUILT_ENTRY = 'dist/src/main.js';
const BUILT_CONSOLE = 'dist/admin/index.html';
const STAMP = 'dist/.build-stamp';

export function hasBuild(root) {
  return fs.existsSync(path.join(root, BUILT_ENTRY)) && fs.existsSync(path.join(root, BUILT_CONSOLE));
}

export function readStamp(root) {
  try {
    return fs.readFileSync(path.join(root, STAMP), 'utf8').trim();
  } catch {
    return null;
  }
}

export function writeStamp(root, hash) {
  fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(root, STAMP), `${hash}\n`);
}

export function isFresh(root, hash) {
  return hasBuild(root) && readStamp(root) === hash;
}
