// Starts the real harness (startHarness: createAppCore, plain-text secret store, log file, server) in-process on
// port 0 with a temporary data folder and the fixture page instead of the renderer, for the harness's tests.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startHarness, type RunningHarness } from '../start-harness';

/** The fixture page that stands in for out/renderer. */
export const FIXTURE_PAGE_DIR = path.join(__dirname, 'fixture-page');
/** The repository root. */
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');

/** A started test harness and its temporary folder. */
export interface TestHarness extends RunningHarness {
  readonly dataDir: string;
  readonly bridgeFile: string;
  /** Closes the harness and removes the temporary folder. */
  dispose(): Promise<void>;
}

/** Options of startTestHarness. */
export interface TestHarnessOptions {
  /** Build the real bridge script (for a browser); otherwise a stub is served. */
  readonly realBridge?: boolean | undefined;
  readonly embeddedEmulator?: boolean | undefined;
  /** Reuse a data folder (restart tests); a new temporary one otherwise. */
  readonly dataDir?: string | undefined;
  /** Listen on this port (restart tests); a free one otherwise. */
  readonly port?: number | undefined;
}

/** Starts a harness for a test. */
export async function startTestHarness(options: TestHarnessOptions = {}): Promise<TestHarness> {
  const root = await mkdtemp(path.join(tmpdir(), 'oss-harness-'));
  const dataDir = options.dataDir ?? path.join(root, 'data');
  const bridgeFile = path.join(root, 'bridge.js');
  // A stub newer than every source counts as up to date, so startHarness does not spend a Vite build on it.
  if (options.realBridge !== true) await writeFile(bridgeFile, '// bridge stub for server tests\n');
  const harness = await startHarness({
    port: options.port ?? 0,
    dataDir,
    projectRoot: PROJECT_ROOT,
    buildRenderer: false,
    rendererDir: FIXTURE_PAGE_DIR,
    bridgeFile,
    embeddedEmulator: options.embeddedEmulator ?? false,
  });
  return {
    ...harness,
    dataDir,
    bridgeFile,
    async dispose() {
      await harness.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
