// `npx playwright test --config e2e/playwright.config.ts` (run by scripts/run-tests.mjs with PLAYWRIGHT_JSON_OUTPUT_NAME).
// Two projects over the same specs (issue 5 "Tests", issue 6 "Tests and evidence"):
// - harness:  the browser harness (`npm run dev:web`) in a headless Chromium found by findChromium();
// - electron: the built app through `_electron.launch`, skipped with the reason printed where no Electron binary exists.
// One worker: the machine has two cores and the specs upload hundreds of MiB through the harness and an emulator.
import { defineConfig } from '@playwright/test';
import { findChromium, INSTALL_HINT } from './support/find-chromium';
import type { Target } from './support/fixtures';

const chromiumPath = findChromium();
if (chromiumPath === undefined) console.error(`[e2e] ${INSTALL_HINT}`);

const jsonOutput = process.env.PLAYWRIGHT_JSON_OUTPUT_NAME;

export default defineConfig<{ target: Target; chromiumPath: string | undefined }>({
  testDir: '.',
  // Top-level specs only (scripts/run-tests.mjs looks for e2e/*.spec.ts).
  testMatch: /e2e[\\/][^\\/]+\.spec\.ts$/,
  outputDir: '../test-results/e2e',
  globalSetup: './global-setup.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  // The longest spec uploads 300 MiB three ways (drop → staging → engine → emulator) and reads it back.
  timeout: 180_000,
  globalTimeout: 15 * 60_000,
  expect: { timeout: 20_000 },
  forbidOnly: process.env.CI !== undefined,
  reporter: jsonOutput === undefined ? [['list']] : [['list'], ['json', { outputFile: jsonOutput }]],
  use: { actionTimeout: 20_000, navigationTimeout: 30_000 },
  projects: [
    { name: 'harness', use: { target: 'harness', chromiumPath } },
    { name: 'electron', use: { target: 'electron', chromiumPath } },
  ],
});
