// The seam between the Electron-free application core (main/app/create-app-core.ts) and its two hosts: the Electron
// shell (main/index.ts, main/window/) and the browser harness (main/harness/). Both build one AppCore, bind its
// dispatcher to their transport, add event targets, and drive desktop integration from its activity.
import type { CommandDispatcher } from '../ipc/command-dispatcher';
import type { EventPublisher } from '../ipc/event-publisher';
import type { PathGrants } from '../ipc/path-grants';
import type { SecretStore } from '../accounts/secret-store';
import type { AppSettings } from '../../shared/ipc/app-settings';

/** What only the host can do for the `desktop.*` commands; a host that cannot do one throws an AppError. */
export interface DesktopPort {
  /** Native "Add files…" dialog; resolves with the chosen absolute paths ([] when canceled). */
  pickFiles(options: { readonly multiple: boolean }): Promise<readonly string[]>;
  /** Native "Add folder…" dialog; resolves with the chosen folder ([] when canceled). */
  pickFolder(): Promise<readonly string[]>;
  /** Shows a local file in the system file manager. */
  revealFile(localPath: string): Promise<void>;
  /** Writes text to the system clipboard. */
  copyText(text: string): Promise<void>;
  /** Opens an https URL the app itself built in the default browser. */
  openExternal(url: string): Promise<void>;
}

/** Lines the core writes; the host sends them to its log file. The core redacts secrets before calling. */
export interface AppLog {
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
}

/** Where the host's uploads stand, for dock/taskbar progress, sleep prevention and the quit prompt. */
export interface ActivitySummary {
  /** Jobs queued, preparing, uploading, completing or verifying. */
  readonly activeJobs: number;
  readonly pausedJobs: number;
  readonly failedJobs: number;
  /** Bytes done and total of the active jobs (0/0 when none). */
  readonly bytesDone: number;
  readonly bytesTotal: number;
  /** Bytes done and total of the paused and failed jobs, which wait for the user (0/0 when none). */
  readonly waitingBytesDone: number;
  readonly waitingBytesTotal: number;
}

/** A batch ends when the last active job settles; the host may notify (settings.notifications). */
export interface BatchOutcome {
  readonly completed: number;
  readonly failed: number;
  readonly canceled: number;
}

/** Options of createAppCore. */
export interface AppCoreOptions<Sender> {
  /** The app's data folder (Electron: app.getPath('userData'); harness: --data-dir). Created if missing. */
  readonly dataDir: string;
  readonly secretStore: SecretStore;
  readonly desktop: DesktopPort;
  readonly log: AppLog;
  /** True only for the host's own window or connection. */
  readonly isTrustedSender: (sender: Sender) => boolean;
  /** Start the bundled emulator and, on a first start with no account, add the "Local emulator" account. */
  readonly embeddedEmulator: boolean;
  readonly now?: (() => number) | undefined;
}

/** The running core. */
export interface AppCore<Sender> {
  /** Answers every command (sender check, validation, path grants, handler). */
  readonly dispatcher: CommandDispatcher<Sender>;
  /** Paths the user picked or dropped; the host grants drops it stages itself (harness). */
  readonly pathGrants: PathGrants;
  /** The host adds one target per window or connection. */
  readonly events: EventPublisher;
  /** Current settings (the host reads onQuit, onStart, notifications, theme). */
  settings(): AppSettings;
  /** Where uploads stand now. */
  activity(): ActivitySummary;
  /** Called (at most every 200 ms, with the engine's batches) when the activity changes. */
  onActivity(listener: (summary: ActivitySummary) => void): () => void;
  /** Called when the last active job of a batch settles. */
  onBatchFinished(listener: (outcome: BatchOutcome) => void): () => void;
  /** Secrets to cut from any line the host logs itself. */
  knownSecrets(): readonly string[];
  /** URL of the embedded emulator when it runs (for the log and the harness banner). */
  readonly emulatorUrl: string | undefined;
  /** Local files that jobs may still read: those of every job not completed or canceled. */
  localPathsInUse(): ReadonlySet<string>;
  /** Pauses every active job and waits until the pause is on disk (quit with uploads running). */
  pauseAll(): Promise<void>;
  /** Stops the engine, the manager, the emulator and closes clients; idempotent. */
  shutdown(): Promise<void>;
}
