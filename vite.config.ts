import { availableParallelism } from 'node:os';
import path from 'node:path';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// One config for vitest and vite-node (scripts): SWC instead of esbuild because
// esbuild drops the decorator metadata that MikroORM and type-graphql read.
export default defineConfig({
  plugins: [
    swc.vite({
      jsc: {
        target: 'es2022',
        parser: { syntax: 'typescript', decorators: true, tsx: true },
        // Career pages are TSX rendered to strings with Preact (escaped by default).
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false, react: { runtime: 'automatic', importSource: 'preact' } },
      },
    }),
  ],
  // graphql ships both index.mjs and CommonJS; type-graphql requires the CommonJS one,
  // so our own imports must resolve to it too or graphql sees two "realms".
  resolve: { alias: [{ find: /^graphql$/, replacement: path.resolve(__dirname, 'node_modules/graphql/index.js') }] },
  test: {
    setupFiles: ['reflect-metadata'],
    // The AWS SDK's documented switch (aws/aws-sdk-js-v3#7983) for its "Node 20 support ends"
    // warning, printed once per test process on Node 20. Tests only (the services they spawn
    // inherit it): a deployment on Node 20 still sees the warning, which is meant for its operator.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most integration files wait (child processes, lease expiry, polling) rather than compute, so
    // two files at once on a 2-core machine nearly halve the suite; vitest's default is cores − 1.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Two projects, both run by `npm test`: pure unit tests (`*.unit.test.ts`) never start
    // PostgreSQL; every other test gets the migrated template database from the global setup.
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.unit.test.ts'] } },
      {
        extends: true,
        test: { name: 'integration', include: ['test/**/*.test.ts'], exclude: ['test/**/*.unit.test.ts', '**/node_modules/**'], globalSetup: ['test/helpers/global-setup.ts'] },
      },
    ],
  },
});
