import { defineConfig } from 'vitest/config';

// One config for every unit and integration suite that runs on plain Node.
// Integration suites start the project's own emulator on 127.0.0.1, so they get generous timeouts;
// e2e specs (Playwright) live under e2e/ and are run by their own runner.
export default defineConfig({
  test: {
    include: ['main/**/*.test.ts', 'shared/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: process.env.VITEST_JSON_OUT
      ? ['default', ['json', { outputFile: process.env.VITEST_JSON_OUT }]]
      : ['default'],
  },
});
