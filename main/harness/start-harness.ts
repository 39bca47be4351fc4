// Composition root of the browser harness (issue 5 item 6): the same Electron-free core as the desktop app
// (createAppCore: engine, manager, accounts, settings, embedded emulator) on plain Node, with a plain-text secret store
// that says so, a log file in the data folder, and the harness server in front of it instead of a window.
import path from 'node:path';
import { PlaintextFileSecretStore } from '../accounts/plaintext-file-secret-store';
import type { AppCore, AppLog } from '../app/app-core-types';
import { createAppCore } from '../app/create-app-core';
import { createLogFile } from '../app/log-file';
import { redactLogLine } from '../app/redact-log-line';
import { createBrowserDesktopPort, type BrowserDesktopPort } from './browser-desktop-port';
import { ensureHarnessAssets, harnessAssetPaths } from './build-harness-assets';
import { HarnessConnections, type HarnessConnection } from './harness-connections';
import { createHarnessToken } from './harness-token';
import { startHarnessServer } from './start-harness-server';
import { sweepStaging } from './sweep-staging';

/** Largest log file before it is rotated to `harness.log.1`. */
export const HARNESS_LOG_MAX_BYTES = 10 * 1024 * 1024;
/** Folder of staged copies inside the data folder (kept there so a restored job still finds its file; swept at start). */
export const STAGING_DIR_NAME = 'staging';

/** Options of startHarness. */
export interface StartHarnessOptions {
  /** 0 picks a free port. */
  readonly port: number;
  readonly dataDir: string;
  /** The repository root (renderer/, out/). */
  readonly projectRoot: string;
  /** Build the renderer when it is outdated (false with --no-build). */
  readonly buildRenderer: boolean;
  /** Serve this folder instead of out/renderer (tests serve a fixture page). */
  readonly rendererDir?: string | undefined;
  /** Use this bridge script instead of out/harness/bridge.js; it is built there when outdated. */
  readonly bridgeFile?: string | undefined;
  /** Start the embedded emulator (default true). */
  readonly embeddedEmulator?: boolean | undefined;
  /** Also shows warnings and errors here (the CLI passes stderr); always redacted. */
  readonly echo?: ((line: string) => void) | undefined;
}

/** A running harness. */
export interface RunningHarness {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly emulatorUrl: string | undefined;
  readonly logFile: string;
  readonly desktop: BrowserDesktopPort;
  readonly core: AppCore<HarnessConnection>;
  /** Closes the server, shuts the core down (the engine persists its jobs) and flushes the log; idempotent. */
  close(): Promise<void>;
}

/** Starts everything; resolves once the server listens. */
export async function startHarness(options: StartHarnessOptions): Promise<RunningHarness> {
  const dataDir = path.resolve(options.dataDir);
  const paths = harnessAssetPaths(options.projectRoot);
  const bridgePaths = { ...paths, bridgeFile: options.bridgeFile ?? paths.bridgeFile };
  // The log exists before the core (the core logs while it starts); it learns the core's secrets once there is one.
  const started: { core?: AppCore<HarnessConnection> } = {};
  const secrets = (): readonly string[] => started.core?.knownSecrets() ?? [];
  const file = createLogFile({
    path: path.join(dataDir, 'logs', 'harness.log'),
    maxBytes: HARNESS_LOG_MAX_BYTES,
    secrets,
    onError: (error) => options.echo?.(`Writing the log failed: ${error instanceof Error ? error.message : String(error)}`),
  });
  const echo = (level: string, line: string): void => options.echo?.(`${level} ${redactLogLine(line, secrets())}`);
  const log: AppLog = {
    info: (line) => file.info(line),
    warn: (line) => {
      file.warn(line);
      echo('WARN', line);
    },
    error: (line) => {
      file.error(line);
      echo('ERROR', line);
    },
  };

  await ensureHarnessAssets({ paths: bridgePaths, buildRenderer: options.buildRenderer && options.rendererDir === undefined, log: { info: (line) => options.echo?.(line) } });

  const connections = new HarnessConnections();
  const desktop = createBrowserDesktopPort(log);
  const secretStore = await PlaintextFileSecretStore.open({ dataDir });
  log.warn(`Secrets are stored WITHOUT encryption in ${secretStore.file} (browser harness, development only)`);
  const appCore = await createAppCore<HarnessConnection>({
    dataDir,
    secretStore,
    desktop,
    log,
    isTrustedSender: (sender) => connections.isTrusted(sender),
    embeddedEmulator: options.embeddedEmulator ?? true,
  });
  started.core = appCore;
  const stagingDir = path.join(dataDir, STAGING_DIR_NAME);
  const sweep = await sweepStaging(stagingDir, appCore.localPathsInUse());
  if (sweep.removedBatches > 0) log.info(`Removed ${sweep.removedBatches} staged batch(es) no unfinished upload reads`);
  for (const failure of sweep.failures) log.warn(`Could not clean up staged files: ${failure}`);

  const running = await startHarnessServer({
    core: appCore,
    connections,
    token: createHarnessToken(),
    port: options.port,
    rendererDir: options.rendererDir ?? paths.rendererDir,
    bridgeFile: bridgePaths.bridgeFile,
    stagingDir,
    log,
  }).catch(async (error: unknown) => {
    await appCore.shutdown();
    await file.flush();
    throw error;
  });

  let closing: Promise<void> | undefined;
  return {
    url: running.url,
    emulatorUrl: appCore.emulatorUrl,
    logFile: file.path,
    desktop,
    core: appCore,
    close() {
      closing ??= (async () => {
        await running.close();
        await appCore.shutdown();
        log.info('Harness stopped');
        await file.flush();
      })();
      return closing;
    },
  };
}
