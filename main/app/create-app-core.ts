// The Electron-free application core (issue 5 items 1, 3, 4, 5): accounts, settings, the upload engine, the
// incomplete-upload manager and the embedded emulator, wired to one dispatcher and one event publisher. The Electron
// shell and the browser harness each build one and bind it to their transport (app-core-types.ts).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../shared/ipc/app-error';
import { AccountService } from '../accounts/account-service';
import { AccountStore } from '../accounts/account-store';
import { PRIVATE_DIR_MODE } from '../accounts/private-json-file';
import { IncompleteUploadManager } from '../incomplete/incomplete-upload-manager';
import { createDispatcher } from '../ipc/command-dispatcher';
import { createEventPublisher } from '../ipc/event-publisher';
import { createHandlers } from '../ipc/handlers/create-handlers';
import { PathGrants } from '../ipc/path-grants';
import { isTerminal } from '../uploads/job-status';
import { UploadEngine } from '../uploads/upload-engine';
import { AccountClients } from './account-clients';
import { ActivityTracker } from './activity-tracker';
import type { AppCore, AppCoreOptions, AppLog } from './app-core-types';
import { AppSettingsStore, toEngineSettingsUpdate } from './app-settings-store';
import { startEmbeddedEmulator, type EmbeddedEmulator } from './embedded-emulator';
import { OperationRegistry } from './operation-registry';
import { redactLogLine } from './redact-log-line';

/** Folder of the job journal inside the data folder. */
export const JOBS_DIR_NAME = 'jobs';

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}

/** The host's log behind the core's redaction: every line loses known secrets and credential-shaped text first. */
function redactingLog(log: AppLog, secrets: () => readonly string[]): AppLog {
  return {
    info: (line) => log.info(redactLogLine(line, secrets())),
    warn: (line) => log.warn(redactLogLine(line, secrets())),
    error: (line) => log.error(redactLogLine(line, secrets())),
  };
}

/** Builds and starts the core: loads accounts and settings, starts the emulator if wanted, restores the jobs. */
export async function createAppCore<Sender>(options: AppCoreOptions<Sender>): Promise<AppCore<Sender>> {
  const now = options.now ?? Date.now;
  const { dataDir } = options;
  await mkdir(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });

  let embedded: EmbeddedEmulator | undefined;
  const emulatorSecrets: string[] = [];
  const store = await AccountStore.open({ dataDir, now });
  const accountService = new AccountService({ store, secrets: options.secretStore, now });
  const knownSecrets = (): readonly string[] => [...accountService.secretsForRedaction(), ...emulatorSecrets];
  const log = redactingLog(options.log, knownSecrets);
  if (store.loadProblem !== undefined) {
    log.warn(`Account file ${store.loadProblem.file} could not be used (${store.loadProblem.reason}); moved to ${store.loadProblem.movedTo ?? '(could not move it)'}`);
  }
  const settings = await AppSettingsStore.open({ dataDir, now, warn: (line) => log.warn(line) });
  const clients = new AccountClients(accountService, (error) => log.warn(`Closing an OSS client failed: ${describe(error)}`));
  const engine = new UploadEngine({
    stateDir: join(dataDir, JOBS_DIR_NAME),
    clients: (accountId) => clients.get(accountId),
    settings: toEngineSettingsUpdate(settings.get()),
    now,
    onJournalError: (jobId, error) => log.warn(`Saving job ${jobId} failed: ${describe(error)}`),
  });
  const manager = new IncompleteUploadManager({
    clients: (accountId) => {
      if (accountId === undefined) throw new AppError({ code: 'AccountNotFound', message: 'No account was named.', retryable: false });
      return clients.get(accountId);
    },
    now,
    ownership: engine,
    defaultPartSizeBytes: () => engine.settings().partSizeBytes,
  });
  const events = createEventPublisher({ log });
  const tracker = new ActivityTracker((error) => log.error(`An activity listener failed: ${describe(error)}`));
  engine.onChange((batch) => events.publish('uploads.changed', batch));

  if (options.embeddedEmulator) {
    try {
      embedded = await startEmbeddedEmulator({ dataDir, accounts: accountService, secrets: options.secretStore, log, now });
      if (embedded !== undefined) {
        emulatorSecrets.push(...embedded.secrets);
        log.info(`Embedded emulator listening on ${embedded.emulator.url}`);
      }
    } catch (error) {
      // The app works without it (the user's own accounts); the account, if any, then fails its requests.
      log.error(`The embedded emulator could not start: ${describe(error)}`);
    }
  }

  accountService.onChange((list) => {
    events.publish('accounts.changed', list);
    clients.retain(list.map((account) => account.id));
    const running = embedded;
    if (running !== undefined && !list.some((account) => account.id === running.accountId)) {
      // The user removed the "Local emulator" account: remember it, and stop the emulator nobody uses now.
      embedded = undefined;
      void running.markAccountRemoved().catch((error: unknown) => log.warn(`Saving the emulator state failed: ${describe(error)}`));
      void running.emulator.close().catch((error: unknown) => log.warn(`Closing the embedded emulator failed: ${describe(error)}`));
    }
  });

  try {
    const restored = await engine.restore();
    if (restored.jobIds.length > 0) log.info(`Restored ${restored.jobIds.length} upload(s)`);
    for (const problem of restored.problems) log.warn(`A saved upload could not be restored: ${JSON.stringify(problem)}`);
  } catch (error) {
    log.error(`Restoring uploads failed: ${describe(error)}`);
  }

  // The tracker starts from the restored jobs and follows batches from then on, so jobs that finished in an
  // earlier session never read as a batch finishing now.
  tracker.seed(engine.list());
  engine.onChange((batch) => tracker.apply(batch));

  const pathGrants = new PathGrants();
  const operations = new OperationRegistry();
  const handlers = createHandlers({
    engine,
    manager,
    accounts: accountService,
    clients,
    settings,
    desktop: options.desktop,
    pathGrants,
    events,
    operations,
    log,
    now,
    knownSecrets,
  });
  const dispatcher = createDispatcher<Sender>({ handlers, isTrustedSender: options.isTrustedSender, pathGrants, log, knownSecrets, now });

  let shutdown: Promise<void> | undefined;
  const stop = async (): Promise<void> => {
    operations.cancelAll();
    await engine.shutdown();
    await clients.closeAll();
    const running = embedded;
    embedded = undefined;
    await running?.emulator.close();
  };

  return {
    dispatcher,
    pathGrants,
    events,
    settings: () => settings.get(),
    activity: () => tracker.summary(),
    onActivity: (listener) => tracker.onActivity(listener),
    onBatchFinished: (listener) => tracker.onBatchFinished(listener),
    knownSecrets,
    get emulatorUrl() {
      return embedded?.emulator.url;
    },
    localPathsInUse: () => new Set(engine.list().filter((job) => !isTerminal(job.status)).map((job) => job.localPath)),
    pauseAll: () => engine.pauseAll(),
    shutdown: () => (shutdown ??= stop()),
  };
}
