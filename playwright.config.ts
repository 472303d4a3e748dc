import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/e2e/support/chromium';
import { E2E_DEMO_PASSWORD } from './test/e2e/support/demo';

// The runner evaluates this file in every worker; the env keeps one port and one data dir per run.
process.env.E2E_PORT ??= String(20_000 + Math.floor(Math.random() * 20_000));
process.env.E2E_DATA_DIR ??= path.join(os.tmpdir(), `jobgate-e2e-${process.env.E2E_PORT}`);
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;

/**
 * Browser tests: the built service (what `npm start` runs) on a fresh embedded PostgreSQL with the
 * demo organization, driven by Debian's chromium (Playwright's own browser download cannot work here).
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  globalTeardown: './test/e2e/support/global-teardown.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  outputDir: path.join(os.tmpdir(), 'jobgate-e2e-results'),
  use: {
    baseURL,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    trace: 'off',
  },
  webServer: {
    command: 'node dist/src/main.js',
    url: `${baseURL}/readyz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    env: {
      HOST: '127.0.0.1',
      PORT: process.env.E2E_PORT,
      JOBGATE_DATA_DIR: process.env.E2E_DATA_DIR,
      JOBGATE_DEMO: 'true',
      JOBGATE_DEMO_PASSWORD: E2E_DEMO_PASSWORD,
      JOBGATE_PUBLIC_URL: baseURL,
      LOG_LEVEL: 'warn',
      // Browser flows submit applications quickly in a row.
      JOBGATE_APPLY_RATE_PER_SECOND: '20',
      // The webhooks spec delivers to a receiver on 127.0.0.1 over http, and watches retries happen within seconds.
      JOBGATE_WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'true',
      JOBGATE_WEBHOOK_RETRY_SCHEDULE: '1,1',
      JOBGATE_WORKER_POLL_INTERVAL_MS: '200',
    },
  },
});
