// The one IPC contract between the renderer and main (issue 5 item 1; architecture.md "Typed IPC in one place").
// `Commands` are asked by the renderer and always answered with a Result; `Events` are pushed by main. Everything
// else is derived from these two interfaces: the handler object main implements (HandlerMap), the object the preload
// exposes as `window.uploader` (BridgeApi), the run-time name lists and, in ./schemas.ts, one validator per command.
// Adding a command here without a handler, a validator or a name in COMMAND_NAMES is a compile error.
import type { AccountDraft, AccountView, ConnectionTestResult, ConnectionTestTarget, SecretStorageStatus } from '../models/account';
import type { EngineChangeBatch, JobSnapshot, PartSnapshot } from '../models/job';
import type { AbortItemResult, RemoteUploadDetails, RemoteUploadPage, ResumeRemoteResult } from '../models/remote-upload';
import type { AppSettings, AppSettingsPatch } from './app-settings';
import type {
  AccountRef,
  AddPathsArgs,
  AddPathsResult,
  BrowseUploadsArgs,
  BulkAbortAnswer,
  BulkAbortArgs,
  BulkAbortProgressEvent,
  CopiedLink,
  CopyLinkArgs,
  GrantDroppedPathsArgs,
  JobRef,
  OpenHelpArgs,
  OperationRef,
  PickedPaths,
  PickFilesArgs,
  RemoveJobArgs,
  ResumeFromServerArgs,
  ResumeProgressEvent,
  UpdateAccountArgs,
  UploadRef,
  UploadStatsArgs,
  UploadStatsEntry,
} from './command-payloads';
import { exactNames } from './exact-names';
import type { Result } from './result';

/**
 * Renderer → main, always answered. Each entry is `(args) => value`; `void` args mean the command takes none. Names
 * are `namespace.verb`; the namespace becomes an object on `window.uploader` (`uploader.uploads.pause({ jobId })`).
 */
export interface Commands {
  // Upload engine (main/uploads/upload-engine.ts).
  'uploads.addPaths': (args: AddPathsArgs) => AddPathsResult;
  'uploads.pause': (args: JobRef) => void;
  'uploads.resume': (args: JobRef) => void;
  'uploads.retry': (args: JobRef) => void;
  'uploads.cancel': (args: JobRef) => void;
  'uploads.remove': (args: RemoveJobArgs) => void;
  'uploads.pauseAll': (args: void) => void;
  'uploads.resumeAll': (args: void) => void;
  'uploads.clearFinished': (args: void) => void;
  'uploads.list': (args: void) => readonly JobSnapshot[];
  'uploads.getParts': (args: JobRef) => readonly PartSnapshot[];

  // Incomplete-upload manager (main/incomplete/).
  'incomplete.browse': (args: BrowseUploadsArgs) => RemoteUploadPage;
  'incomplete.stats': (args: UploadStatsArgs) => readonly UploadStatsEntry[];
  'incomplete.inspect': (args: UploadRef) => RemoteUploadDetails;
  'incomplete.abort': (args: UploadRef) => AbortItemResult;
  'incomplete.bulkAbort': (args: BulkAbortArgs) => BulkAbortAnswer;
  'incomplete.cancelBulkAbort': (args: OperationRef) => void;
  'incomplete.resumeFromServer': (args: ResumeFromServerArgs) => ResumeRemoteResult;
  'incomplete.cancelResume': (args: OperationRef) => void;

  // Accounts (main/accounts/). A secret crosses only inside a draft or patch, and never comes back.
  'accounts.list': (args: void) => readonly AccountView[];
  'accounts.add': (args: AccountDraft) => AccountView;
  'accounts.update': (args: UpdateAccountArgs) => AccountView;
  'accounts.remove': (args: AccountRef) => void;
  'accounts.test': (args: ConnectionTestTarget) => ConnectionTestResult;
  'accounts.secretStorage': (args: void) => SecretStorageStatus;

  // Settings.
  'settings.get': (args: void) => AppSettings;
  'settings.update': (args: AppSettingsPatch) => AppSettings;

  // Desktop. Native dialogs grant the paths they return; links and help pages are built by main, never passed in.
  'desktop.pickFiles': (args: PickFilesArgs) => PickedPaths;
  'desktop.pickFolder': (args: void) => PickedPaths;
  'desktop.revealFile': (args: JobRef) => void;
  'desktop.copyLink': (args: CopyLinkArgs) => CopiedLink;
  'desktop.openHelp': (args: OpenHelpArgs) => void;
  /** Preload only (PRELOAD_ONLY_COMMANDS): grants the paths of files the user dropped. */
  'desktop.grantDroppedPaths': (args: GrantDroppedPathsArgs) => PickedPaths;
}

/** Main → renderer, pushed to every window. */
export interface Events {
  /** The engine's batched changes, at most one every 200 ms (main/uploads/change-batcher.ts). */
  'uploads.changed': EngineChangeBatch;
  /** One per aborted (or failed, or already gone) upload of a bulk abort. */
  'incomplete.bulkAbortProgress': BulkAbortProgressEvent;
  'incomplete.resumeProgress': ResumeProgressEvent;
  /** The whole (short) account list after any change. */
  'accounts.changed': readonly AccountView[];
  /** The whole settings object after any change. */
  'settings.changed': AppSettings;
  /** An application-menu item the page must act on (Electron only: the harness has no menu). */
  'app.menuCommand': MenuCommandEvent;
}

/** Menu items that need the page: "Add files…" and "Add folder…" need the destination the page shows. */
export const MENU_COMMANDS = ['addFiles', 'addFolder'] as const;
/** One of MENU_COMMANDS. */
export type MenuCommand = (typeof MENU_COMMANDS)[number];
/** Payload of the `app.menuCommand` event. */
export interface MenuCommandEvent {
  readonly command: MenuCommand;
}

/** Every command name. */
export type CommandName = keyof Commands;
/** Arguments of command N (`void` when it takes none). */
export type CommandArgs<N extends CommandName> = Parameters<Commands[N]>[0];
/** What command N answers with when it succeeds. */
export type CommandValue<N extends CommandName> = ReturnType<Commands[N]>;
/** Every event name. */
export type EventName = keyof Events;
/** Payload of event E. */
export type EventPayload<E extends EventName> = Events[E];

/** Every command name at run time, checked against Commands by the compiler (a missing or extra name fails). */
export const COMMAND_NAMES = exactNames<CommandName>()([
  'uploads.addPaths',
  'uploads.pause',
  'uploads.resume',
  'uploads.retry',
  'uploads.cancel',
  'uploads.remove',
  'uploads.pauseAll',
  'uploads.resumeAll',
  'uploads.clearFinished',
  'uploads.list',
  'uploads.getParts',
  'incomplete.browse',
  'incomplete.stats',
  'incomplete.inspect',
  'incomplete.abort',
  'incomplete.bulkAbort',
  'incomplete.cancelBulkAbort',
  'incomplete.resumeFromServer',
  'incomplete.cancelResume',
  'accounts.list',
  'accounts.add',
  'accounts.update',
  'accounts.remove',
  'accounts.test',
  'accounts.secretStorage',
  'settings.get',
  'settings.update',
  'desktop.pickFiles',
  'desktop.pickFolder',
  'desktop.revealFile',
  'desktop.copyLink',
  'desktop.openHelp',
  'desktop.grantDroppedPaths',
]);

/** Every event name at run time, checked against Events the same way. */
export const EVENT_NAMES = exactNames<EventName>()([
  'uploads.changed',
  'incomplete.bulkAbortProgress',
  'incomplete.resumeProgress',
  'accounts.changed',
  'settings.changed',
  'app.menuCommand',
]);

/** True when `name` is a command name (a string from the renderer is not trusted to be one). */
export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && (COMMAND_NAMES as readonly string[]).includes(name);
}

/**
 * Commands only the preload may send, never exposed on `window.uploader`. The page cannot be trusted to say which
 * paths the user dropped, so the bridge takes the dropped File objects instead (BridgeApi.pathsForDroppedFiles), the
 * preload turns them into paths with `webUtils.getPathForFile` (a File the page made itself has no path) and sends
 * this command. The harness bridge stages dropped files itself and never sends it.
 */
export const PRELOAD_ONLY_COMMANDS = ['desktop.grantDroppedPaths'] as const satisfies readonly CommandName[];
/** A command only the preload sends. */
export type PreloadOnlyCommandName = (typeof PRELOAD_ONLY_COMMANDS)[number];
/** A command the page may call through `window.uploader`. */
export type BridgeCommandName = Exclude<CommandName, PreloadOnlyCommandName>;

/** What a handler learns besides its validated arguments. */
export interface CommandContext<Sender> {
  /** The (already trusted) sender: in Electron the WebFrameMain, in the harness the WebSocket connection. */
  readonly sender: Sender;
  readonly command: CommandName;
}

/** How main implements command N: validated args in, value out; throw an AppError or OssError to fail. */
export type CommandHandler<N extends CommandName, Sender = unknown> = (
  args: CommandArgs<N>,
  ctx: CommandContext<Sender>,
) => Promise<CommandValue<N>>;

/** The object main implements: one handler per command, none missing, none extra. */
export type HandlerMap<Sender = unknown> = { readonly [N in CommandName]: CommandHandler<N, Sender> };

/** One bridge method: the command's args in, its Result out (never rejects for a command failure). */
export type BridgeMethod<N extends CommandName> = (args: CommandArgs<N>) => Promise<Result<CommandValue<N>>>;

/** The namespace of a command name: `uploads` for `uploads.pause`. */
export type NamespaceOf<N extends string> = N extends `${infer NS}.${string}` ? NS : never;

/** The bridge methods of one namespace, keyed by verb. */
export type BridgeNamespace<NS extends string> = {
  readonly [N in BridgeCommandName as N extends `${NS}.${infer Verb}` ? Verb : never]: BridgeMethod<N>;
};

/** The smallest shape of a DOM File that the bridge needs; the renderer passes real File objects. */
export interface DroppedFile {
  readonly name: string;
  readonly size: number;
}

/** Unsubscribes a listener. */
export type Unsubscribe = () => void;

/** What `window.uploader` is, in Electron (preload) and in the browser harness alike. */
export type BridgeApi = { readonly [NS in NamespaceOf<BridgeCommandName>]: BridgeNamespace<NS> } & {
  /** Listens to a main → renderer event. */
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): Unsubscribe;
  /** Turns dropped files into granted local paths (Electron) or staged copies (harness) for uploads.addPaths. */
  pathsForDroppedFiles(files: readonly DroppedFile[]): Promise<Result<PickedPaths>>;
};

/** IPC channel names: one for all commands, one for all events. */
export const IPC_CHANNELS = Object.freeze({
  /** `ipcRenderer.invoke(IPC_CHANNELS.command, name, args)` → Result. */
  command: 'uploader:command',
  /** `webContents.send(IPC_CHANNELS.event, envelope: EventEnvelope)`. */
  event: 'uploader:event',
} as const);

/** What travels on the event channel. */
export type EventEnvelope = { readonly [E in EventName]: { readonly name: E; readonly payload: Events[E] } }[EventName];
