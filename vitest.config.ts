import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Migrates one template database per run; each file's database is a copy of it (test/helpers/db.ts).
    globalSetup: ['./test/helpers/globalSetup.ts'],
    // ...whose teardown drops the run's databases: one DROP DATABASE can take seconds on a busy server.
    teardownTimeout: 300_000,
    // Two cores: integration files each own a database and a server; run a couple at once.
    maxWorkers: 2,
    reporters: ['default', './test/helpers/summaryReporter.ts'],
  },
});
