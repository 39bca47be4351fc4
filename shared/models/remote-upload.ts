// Incomplete multipart uploads as the server holds them (issue 4): pages of uploads, their parts, and the results of
// aborting and resuming them. Pure data shared by main (main/incomplete/) and the renderer: no classes, no bigint
// (CRC-64 crosses as a decimal string, like in ./job.ts).
import type { JobId, JobStatus } from './job';

/** Where the next ListMultipartUploads page starts (`key-marker` + `upload-id-marker`, oss-protocol.md §6.6). */
export interface UploadCursor {
  readonly keyMarker: string;
  readonly uploadIdMarker: string;
}

/** The local job that owns an upload, when one does. */
export interface UploadOwner {
  readonly jobId: JobId;
  readonly status: JobStatus;
}

/** One incomplete upload of a listing. */
export interface RemoteUpload {
  readonly key: string;
  readonly uploadId: string;
  /** The Initiated time exactly as the server sent it (ISO-8601). */
  readonly initiated: string;
  /** `initiated` as ms since epoch. */
  readonly initiatedMs: number;
  /** Age when listed: the injected clock minus `initiatedMs`, never negative. */
  readonly ageMs: number;
  /** Set when a local job that is not finished owns this upload; aborting it then goes through that job. */
  readonly ownedByJobId?: JobId | undefined;
}

/** One page of a browse: uploads and folders (CommonPrefixes) in server order, and where the next page starts. */
export interface RemoteUploadPage {
  readonly uploads: readonly RemoteUpload[];
  /** Folder prefixes, only when a delimiter was given. */
  readonly folders: readonly string[];
  /** Undefined on the last page. */
  readonly nextCursor: UploadCursor | undefined;
}

/** What an upload stores on the server, computed on demand from ListParts. */
export interface RemoteUploadStats {
  readonly partCount: number;
  readonly bytesStored: number;
}

/** One part of an incomplete upload, as ListParts reports it (§6.5). */
export interface RemotePart {
  readonly partNumber: number;
  readonly sizeBytes: number;
  /** Quoted, as the server sent it. */
  readonly etag: string;
  /** CRC-64/ECMA as an unsigned decimal string; undefined when the server did not report one. */
  readonly crc64: string | undefined;
  readonly lastModified: string;
}

/** Everything about one upload: every part across all ListParts pages, totals, and its local owner. */
export interface RemoteUploadDetails extends RemoteUploadStats {
  readonly bucket: string;
  readonly key: string;
  readonly uploadId: string;
  /** Ascending by part number. */
  readonly parts: readonly RemotePart[];
  readonly owner: UploadOwner | undefined;
}

/** An upload named explicitly (a selection in the UI, or `--upload-id` on the command line). */
export interface UploadSelection {
  readonly key: string;
  readonly uploadId: string;
}

/** Which uploads a filter selects: every key under `prefix`, and if set only those initiated at least `olderThanMs` ago. */
export interface UploadFilter {
  readonly prefix: string;
  readonly olderThanMs?: number | undefined;
}

/** What a bulk abort acts on: an explicit selection, or whatever a filter matches when it runs. */
export type BulkAbortTarget =
  | { readonly kind: 'selection'; readonly uploads: readonly UploadSelection[] }
  | { readonly kind: 'filter'; readonly filter: UploadFilter };

/** One upload a bulk abort would act on (the dry-run answer); listing fields are absent for an explicit selection. */
export interface AbortTarget extends UploadSelection {
  readonly initiated?: string | undefined;
  readonly ageMs?: number | undefined;
  readonly ownedByJobId?: JobId | undefined;
}

/** Why one abort failed, as plain fields. */
export interface AbortFailure {
  readonly code: string;
  readonly message: string;
  readonly requestId: string | undefined;
}

/** The outcome of aborting one upload. NoSuchUpload is `alreadyGone`, not a failure (§6.4). */
export type AbortItemResult =
  | (UploadSelection & { readonly outcome: 'aborted'; readonly viaJobId?: JobId | undefined })
  | (UploadSelection & { readonly outcome: 'alreadyGone' })
  | (UploadSelection & { readonly outcome: 'failed'; readonly error: AbortFailure });

/** Counts of a bulk abort; `notAttempted` are items skipped because the run was canceled. */
export interface BulkAbortSummary {
  readonly total: number;
  readonly aborted: number;
  readonly alreadyGone: number;
  readonly failed: number;
  readonly notAttempted: number;
}

/** A progress event of a bulk abort: sent once per item, as its result lands. */
export interface BulkAbortProgress {
  readonly done: number;
  readonly total: number;
  readonly item: AbortItemResult;
}

/** The answer of a bulk abort: one result per attempted item, in completion order. */
export interface BulkAbortResult {
  readonly results: readonly AbortItemResult[];
  readonly summary: BulkAbortSummary;
  /** True when the run was canceled before every item was attempted. */
  readonly canceled: boolean;
}

/** Progress of a resume from the server. */
export type ResumeRemoteProgress =
  | { readonly phase: 'checking'; readonly partsChecked: number; readonly partsToCheck: number }
  | {
      readonly phase: 'sending';
      readonly partsSent: number;
      readonly partsToSend: number;
      readonly bytesSent: number;
      readonly bytesToSend: number;
    }
  | { readonly phase: 'completing' }
  | { readonly phase: 'verifying' };

/** Why a resume from the server was refused; nothing was changed on the server. */
export type ResumeRefusalReason =
  | 'ownedByLocalJob' // a local job owns the upload: resume it there
  | 'fileUnreadable'
  | 'emptyFile'
  | 'layoutMismatch' // the server's parts do not fit the local file (too small, wrong size, odd part sizes)
  | 'mostPartsMismatch'; // most server parts hold other bytes than the local file

/** The answer of a resume from the server. */
export type ResumeRemoteResult =
  | {
      readonly outcome: 'completed';
      readonly partSizeBytes: number;
      readonly partCount: number;
      readonly partsKept: number;
      readonly partsSent: number;
      readonly bytesSent: number;
      /** CRC-64 of the whole object, folded from the parts (decimal). */
      readonly crc64: string;
      /** True when the server's CRC-64 of the object equals `crc64`; false only when the server reported none. */
      readonly verified: boolean;
    }
  | { readonly outcome: 'refused'; readonly reason: ResumeRefusalReason; readonly message: string }
  | {
      readonly outcome: 'verificationFailed';
      readonly message: string;
      readonly expectedCrc64: string;
      readonly actualCrc64: string;
    };
