import fs from 'node:fs/promises';

/** The embedded database of the run is throwaway; remove it once the server has stopped. */
export default async function globalTeardown() {
  const dir = process.env.E2E_DATA_DIR;
  if (dir) await fs.rm(dir, { recursive: true, force: true });
}
