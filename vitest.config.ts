import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// One worker, files one after another, modules shared: every supergraph test file talks to the same
// running stack (six embedded databases take seconds to start; starting them per file would dominate).
export default defineConfig({
  resolve: {
    // graphql ships CJS and ESM builds; Apollo loads the CJS one, so the tests must too, or a schema
    // built by @apollo/subgraph is "from another realm" to our execute().
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    isolate: false,
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    globalSetup: ['test/support/globalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 240_000,
    env: { LOG_LEVEL: 'silent' },
  },
});
