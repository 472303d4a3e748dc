import fs from 'node:fs';
import path from 'node:path';

/**
 * One build at a time per folder: two `npm start`s in one checkout used to run two
 * builds into the same dist/ (Vite: "Found another Vite build process"). mkdir is atomic,
 * so the first process takes the lock and the others wait for it; a lock left by a
 * process that died (kill -9, power loss) is taken over instead of waited on forever.
 */
const LOCK_DIR = 'dist/.build.lock';
const POLL_MS = 250;

function ownerPid(lockDir) {
  try {
    return Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
  } catch {
    return null;
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

function tryTake(lockDir) {
  try {
    fs.mkdirSync(lockDir);
  } catch (err) {
    if (err.code === 'EEXIST') return false;
    throw err;
  }
  fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
  return true;
}

/** Resolves with a release function once this process holds the build lock. */
export async function takeBuildLock(root, { timeoutMs = 15 * 60_000, onWait = () => {} } = {}) {
  const lockDir = path.join(root, LOCK_DIR);
  fs.mkdirSync(path.dirname(lockDir), { recursive: true });
  const until = Date.now() + timeoutMs;
  let told = false;
  while (!tryTake(lockDir)) {
    const pid = ownerPid(lockDir);
    // No pid yet: the owner is between mkdir and writing it; give it a moment before judging.
    if (pid !== null && !isAlive(pid)) {
      fs.rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    if (!told && pid !== null) {
      onWait(pid);
      told = true;
    }
    if (Date.now() > until) throw new Error(`gave up waiting for the build lock ${LOCK_DIR} (held by pid ${pid})`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return () => fs.rmSync(lockDir, { recursive: true, force: true });
}
