// Arguments and answers of the commands in ./contract.ts that are not models of their own. Plain data only: every
// value here survives structured clone (Electron IPC) and JSON (the browser harness's WebSocket).
import type { AccountPatch } from '../models/account';
import type { JobId } from '../models/job';
import type {
  BulkAbortProgress,
  BulkAbortResult,
  AbortTarget,
  BulkAbortTarget,
  RemoteUploadStats,
  ResumeRemoteProgress,
  UploadCursor,
  UploadSelection,
} from '../models/remote-upload';
import type { WireError } from './result';

/** Where new uploads go: an account's bucket, under a key prefix ('' for the bucket's root). */
export interface UploadDestination {
  readonly accountId: string;
  readonly bucket: string;
  /** Prepended to each file's name (or to a folder's name and the file's path inside it); usually ends with `/`. */
  readonly prefix: string;
}

/**
 * Files and folders to upload. Every path must have been picked in a dialog or dropped in this session (main refuses
 * others with PathNotAllowed). A file becomes `prefix + name`; a folder is walked in main and each file inside becomes
 * `prefix + folderName/ + relative path` with `/` separators.
 */
export interface AddPathsArgs {
  readonly paths: readonly string[];
  readonly destination: UploadDestination;
}

/** A path that did not become a job (unreadable, not a regular file, key too long, …). */
export interface SkippedPath {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

/** The answer of uploads.addPaths. */
export interface AddPathsResult {
  /** One job per file, in walk order. */
  readonly jobIds: readonly JobId[];
  readonly skipped: readonly SkippedPath[];
}

/** Names one job. */
export interface JobRef {
  readonly jobId: JobId;
}

/** uploads.remove: a paused or failed job holds an upload on the server; the user says whether to keep it. */
export interface RemoveJobArgs extends JobRef {
  readonly server: 'keep' | 'abort';
}

/** An account's bucket, for the incomplete-upload manager. */
export interface BucketRef {
  readonly accountId: string;
  readonly bucket: string;
}

/** incomplete.browse: one page of incomplete uploads. */
export interface BrowseUploadsArgs extends BucketRef {
  readonly prefix: string;
  /** Groups keys into folders, usually `/`. */
  readonly delimiter?: string | undefined;
  /** From the previous page's `nextCursor`; omitted for the first page. */
  readonly cursor?: UploadCursor | undefined;
  /** 1..1000; default 1000. */
  readonly pageSize?: number | undefined;
  /** Only uploads initiated at least this long ago. */
  readonly olderThanMs?: number | undefined;
}

/** Names one incomplete upload. */
export interface UploadRef extends BucketRef, UploadSelection {}

/** incomplete.stats: part count and bytes stored of the uploads a screen shows (computed lazily, cached in main). */
export interface UploadStatsArgs extends BucketRef {
  readonly uploads: readonly UploadSelection[];
}

/** One upload's stats, or why they could not be read. */
export type UploadStatsEntry = UploadSelection &
  ({ readonly ok: true; readonly stats: RemoteUploadStats } | { readonly ok: false; readonly error: WireError });

/**
 * incomplete.bulkAbort. The renderer names the run with an `operationId` of its own (e.g. a UUID) so it can cancel it
 * and match progress events before the command answers.
 */
export interface BulkAbortArgs extends BucketRef {
  readonly operationId: string;
  readonly target: BulkAbortTarget;
  /** List what would be aborted, abort nothing. */
  readonly dryRun: boolean;
  /** Aborts in flight at once; default 16 (issue 4 item 4). */
  readonly concurrency?: number | undefined;
}

/** The answer of incomplete.bulkAbort: the targets of a dry run, or the results of a real one. */
export type BulkAbortAnswer =
  | { readonly dryRun: true; readonly targets: readonly AbortTarget[] }
  | { readonly dryRun: false; readonly result: BulkAbortResult };

/** Names a long-running manager operation (bulk abort, resume from server). */
export interface OperationRef {
  readonly operationId: string;
}

/** incomplete.resumeFromServer: finish an upload from the parts OSS holds plus a local file (issue 4 item 5). */
export interface ResumeFromServerArgs extends UploadRef, OperationRef {
  /** Must have been picked or dropped in this session (PathNotAllowed otherwise). */
  readonly localPath: string;
}

/** Event payload: progress of one bulk abort. */
export interface BulkAbortProgressEvent extends BulkAbortProgress, OperationRef {}

/** Event payload: progress of one resume from the server. */
export interface ResumeProgressEvent extends OperationRef {
  readonly progress: ResumeRemoteProgress;
}

/** desktop.pickFiles. */
export interface PickFilesArgs {
  readonly multiple: boolean;
}

/** Paths the user picked (empty when the dialog was canceled); main has granted them for this session. */
export interface PickedPaths {
  readonly paths: readonly string[];
}

/** desktop.copyLink: a link to a completed job's object, written to the clipboard by main. */
export interface CopyLinkArgs extends JobRef {
  /** Presign for this long (60..604800 s, V4's maximum); omitted: the plain object URL (public-read buckets). */
  readonly expiresSeconds?: number | undefined;
}

/** The link main copied. */
export interface CopiedLink {
  readonly url: string;
}

/** Help pages the app links to; main maps each to its own https URL (the renderer never supplies a URL). */
export const HELP_TOPICS = ['accessKeys', 'endpoints', 'incompleteUploads', 'clockSync', 'ramPolicy'] as const;

/** One of HELP_TOPICS. */
export type HelpTopic = (typeof HELP_TOPICS)[number];

/** desktop.openHelp. */
export interface OpenHelpArgs {
  readonly topic: HelpTopic;
}

/** desktop.grantDroppedPaths (preload only, see PRELOAD_ONLY_COMMANDS): paths `webUtils.getPathForFile` returned. */
export interface GrantDroppedPathsArgs {
  readonly paths: readonly string[];
}

/** Names one account. */
export interface AccountRef {
  readonly accountId: string;
}

/** accounts.update. */
export interface UpdateAccountArgs extends AccountRef {
  readonly patch: AccountPatch;
}
