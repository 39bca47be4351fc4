// The Playwright fixtures every spec uses. The same specs run in two projects (playwright.config.ts):
// - `harness`: the browser harness as a child process, driven in Debian Chromium;
// - `electron`: the built app (out/main/index.js) through `_electron.launch`, skipped with the reason printed when no
//   Electron binary exists (as on the CI box, which cannot download one).
// `app` hides the difference: a page showing the app, its data folder, and (harness only) a restart.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron, chromium, expect, test as base, type Browser, type ElectronApplication, type Page, type TestInfo } from '@playwright/test';
import { makeTempDir, writeLargeSeededFile } from '../../main/uploads/test-support/seeded-files';
import { startExternalEmulator, type ExternalEmulator } from './external-emulator';
import { findElectron } from './find-electron';
import { CHROMIUM_ARGS, INSTALL_HINT } from './find-chromium';
import { PROJECT_ROOT, startHarnessProcess, type HarnessProcess } from './harness-process';
import { watchPage, type PageProblems } from './page-watch';

/** Which host the app runs in. */
export type Target = 'harness' | 'electron';

/** The app under test. */
export interface AppUnderTest {
  readonly target: Target;
  readonly page: Page;
  /** The app's data folder (harness --data-dir, Electron userData). */
  readonly dataDir: string;
  readonly problems: PageProblems;
  /** Whether restart() works here (the harness only: the Electron fixture cannot kill and relaunch mid-test yet). */
  readonly canRestart: boolean;
  /** Stops the app (SIGTERM, or SIGKILL when `crash`) and starts it again on the same port and data folder. */
  restart(options: { readonly crash: boolean }): Promise<void>;
}

/** Seeded files on disk for one test. */
export interface SeededFiles {
  readonly dir: string;
  /** Writes `name` with `size` pseudo-random bytes from `seed` (streamed: fine for hundreds of MiB); returns its path. */
  create(name: string, size: number, seed: number): Promise<string>;
}

interface TestFixtures {
  readonly app: AppUnderTest;
  readonly emulator: ExternalEmulator;
  readonly files: SeededFiles;
  readonly electronGate: void;
}

interface WorkerFixtures {
  /** Set per project in playwright.config.ts. */
  readonly target: Target;
  /** The Chromium executable for the harness project, or undefined when none is installed. */
  readonly chromiumPath: string | undefined;
  /** Launches the worker's Chromium on first use (never for the Electron project); throws INSTALL_HINT without one. */
  readonly launchChromium: () => Promise<Browser>;
}

/** The window size of both projects' screenshots and layouts. */
export const APP_VIEWPORT = { width: 1280, height: 800 } as const;

/** The uploads view is up: the navigation and the uploads toolbar are rendered. */
async function waitForApp(page: Page): Promise<void> {
  await expect(page.getByRole('navigation').getByRole('button', { name: 'Uploads', exact: true })).toBeVisible({ timeout: 30_000 });
}

async function harnessApp(page: Page, testInfo: TestInfo, use: (app: AppUnderTest) => Promise<void>): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'e2e-harness-'));
  const log: string[] = [];
  const onLine = (line: string): void => void log.push(line);
  let harness: HarnessProcess | undefined;
  try {
    harness = await startHarnessProcess({ dataDir, port: 0, onLine });
    const problems = await watchPage(page);
    await page.goto(harness.url);
    await waitForApp(page);
    await use({
      target: 'harness',
      page,
      dataDir,
      problems,
      canRestart: true,
      async restart({ crash }) {
        // The bridge reloads the page by itself once the restarted harness answers with a new token
        // (main/harness/web-bridge/watch-harness-restart.ts); wait for that load, or navigate if it never comes.
        const reloaded = page.waitForEvent('load', { timeout: 30_000 }).then(
          () => true,
          () => false,
        );
        const previous = harness;
        if (previous === undefined) throw new Error('the harness is not running');
        if (crash) await previous.kill();
        else await previous.stop();
        harness = await startHarnessProcess({ dataDir, port: previous.port, onLine });
        if (!(await reloaded)) await page.goto(harness.url);
        await waitForApp(page);
      },
    });
  } finally {
    await harness?.stop();
    if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('harness.log', { body: log.join('\n'), contentType: 'text/plain' });
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function electronApp(testInfo: TestInfo, use: (app: AppUnderTest) => Promise<void>): Promise<void> {
  const electron = findElectron();
  if (!electron.found) throw new Error(electron.reason); // electronGate skipped the test already
  const dataDir = await mkdtemp(path.join(tmpdir(), 'e2e-electron-'));
  // OSS_UPLOAD_MANAGER_USER_DATA moves the app's data folder (main/index.ts); Chromium's own profile goes there too
  // through --user-data-dir, and XDG_CONFIG_HOME keeps anything else on Linux out of the real home folder.
  const application: ElectronApplication = await _electron.launch({
    executablePath: electron.path,
    args: [path.join(PROJECT_ROOT, 'out', 'main', 'index.js'), `--user-data-dir=${dataDir}`],
    env: { ...process.env, OSS_UPLOAD_MANAGER_USER_DATA: dataDir, XDG_CONFIG_HOME: path.join(dataDir, 'xdg-config') },
  });
  try {
    const page = await application.firstWindow();
    const problems = await watchPage(page);
    // The init script of watchPage applies from the next load on.
    await page.reload();
    await waitForApp(page);
    await use({
      target: 'electron',
      page,
      dataDir,
      problems,
      canRestart: false,
      restart: () => Promise.reject(new Error('restart is not supported for the Electron project')),
    });
  } finally {
    await application.close().catch(() => undefined);
    if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('user-data', { body: dataDir, contentType: 'text/plain' });
    await rm(dataDir, { recursive: true, force: true });
  }
}

let electronReasonPrinted = false;

/** The fixtures of every spec. */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  target: ['harness', { option: true, scope: 'worker' }],
  chromiumPath: [undefined, { option: true, scope: 'worker' }],

  // Runs first: a missing Electron binary skips the Electron project's tests before anything is started.
  electronGate: [
    async ({ target }, use, testInfo) => {
      if (target === 'electron') {
        const electron = findElectron();
        if (!electron.found) {
          const reason = `Electron binary not installed: ${electron.reason}`;
          if (!electronReasonPrinted) console.log(`[electron project] skipping: ${reason}`);
          electronReasonPrinted = true;
          testInfo.skip(true, reason);
        }
      }
      await use();
    },
    { auto: true },
  ],

  launchChromium: [
    async ({ chromiumPath }, use) => {
      let launched: Promise<Browser> | undefined;
      await use(() => {
        if (chromiumPath === undefined) throw new Error(INSTALL_HINT);
        launched ??= chromium.launch({ executablePath: chromiumPath, args: [...CHROMIUM_ARGS], headless: true });
        return launched;
      });
      if (launched !== undefined) await (await launched).close();
    },
    { scope: 'worker' },
  ],

  app: async ({ target, launchChromium }, use, testInfo) => {
    if (target === 'electron') {
      await electronApp(testInfo, use);
      return;
    }
    const browser = await launchChromium();
    const context = await browser.newContext({ viewport: APP_VIEWPORT, colorScheme: 'light' });
    try {
      await harnessApp(await context.newPage(), testInfo, use);
    } finally {
      await context.close();
    }
  },

  emulator: async ({}, use) => {
    const emulator = await startExternalEmulator();
    try {
      await use(emulator);
    } finally {
      await emulator.dispose();
    }
  },

  files: async ({}, use) => {
    const temp = await makeTempDir('e2e-files-');
    try {
      await use({
        dir: temp.path,
        async create(name, size, seed) {
          const file = path.join(temp.path, name);
          await writeLargeSeededFile(file, size, seed);
          return file;
        },
      });
    } finally {
      await temp.remove();
    }
  },
});

export { expect };
