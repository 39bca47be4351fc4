// The incomplete-upload manager (issue 4): one facade over browse, stats, inspect, abort, bulk abort and resume from
// the server, for the IPC layer and the command line. It holds what the operations share (clients per account, the
// local-ownership view of the engine, the clock, the retry settings and the stats cache) and delegates the work to
// one module per operation.
import type {
  AbortItemResult,
  AbortTarget,
  BulkAbortResult,
  BulkAbortTarget,
  RemoteUploadDetails,
  RemoteUploadPage,
  RemoteUploadStats,
  ResumeRemoteResult,
} from '../../shared/models/remote-upload';
import type { RetryPolicy } from '../uploads/retry-policy';
import { abortUpload, type AbortContext } from './abort-upload';
import { resolveAbortTargets, type TargetContext } from './abort-targets';
import { browseUploads, type BrowseUploadsArgs } from './browse-uploads';
import { abortTargets, validateConcurrency, type BulkAbortRunOptions } from './bulk-abort';
import type { IncompleteClientResolver, UploadRef } from './incomplete-client';
import { inspectUpload } from './inspect-upload';
import type { LocalUploadOwnership } from './local-upload-ownership';
import { resumeFromServer, type ResumeFromServerArgs } from './resume-from-server';
import { UploadStatsService } from './upload-stats';
import { INCOMPLETE_RETRY_POLICY, systemSleep, type RetryOptions, type Sleep } from './with-retry';

/** How to build a manager; only `clients` and `now` are required. */
export interface IncompleteUploadManagerOptions {
  readonly clients: IncompleteClientResolver;
  readonly now: () => number;
  /** The upload engine's view of which uploads local jobs own; without it no upload counts as owned. */
  readonly ownership?: LocalUploadOwnership | undefined;
  /** Default INCOMPLETE_RETRY_POLICY (4 attempts, short waits). */
  readonly retryPolicy?: RetryPolicy | undefined;
  /** Injected for tests; default real timers and Math.random. */
  readonly sleep?: Sleep | undefined;
  readonly random?: (() => number) | undefined;
  /** ListParts walks for stats at once (default 4), cache entries (default 1000), freshness (default 60 s). */
  readonly statsConcurrency?: number | undefined;
  readonly statsCacheEntries?: number | undefined;
  readonly statsMaxAgeMs?: number | undefined;
  /** Resume from the server: ranges hashed at once (default 2), parts sent at once (default 4). */
  readonly hashConcurrency?: number | undefined;
  readonly sendConcurrency?: number | undefined;
  /** Part size of a resume when the server holds no part yet (the user's setting); default the engine's 8 MiB. */
  readonly defaultPartSizeBytes?: (() => number) | undefined;
}

/** A bulk abort: which account and bucket, and which uploads. */
export interface BulkAbortRequest {
  readonly accountId?: string | undefined;
  readonly bucket: string;
  readonly target: BulkAbortTarget;
}

/** Browse, inspect, abort (one or many) and resume incomplete multipart uploads. */
export class IncompleteUploadManager {
  readonly #options: IncompleteUploadManagerOptions;
  readonly #retry: RetryOptions;
  readonly #stats: UploadStatsService;

  constructor(options: IncompleteUploadManagerOptions) {
    this.#options = options;
    this.#retry = {
      policy: options.retryPolicy ?? INCOMPLETE_RETRY_POLICY,
      sleep: options.sleep ?? systemSleep,
      random: options.random ?? Math.random,
    };
    this.#stats = new UploadStatsService({
      clients: options.clients,
      now: options.now,
      retry: this.#retry,
      concurrency: options.statsConcurrency,
      maxEntries: options.statsCacheEntries,
      maxAgeMs: options.statsMaxAgeMs,
    });
  }

  /** One page of a bucket's incomplete uploads (one ListMultipartUploads request). */
  browseUploads(args: BrowseUploadsArgs): Promise<RemoteUploadPage> {
    return browseUploads(this.#options.clients(args.accountId), args, {
      now: this.#options.now,
      ownership: this.#options.ownership,
      retry: this.#retry,
    });
  }

  /** Part count and bytes stored of one upload, computed on demand and cached. */
  getUploadStats(ref: UploadRef): Promise<RemoteUploadStats> {
    return this.#stats.get(ref);
  }

  /** Every part of one upload, totals and owner; refreshes the stats cache on the way. */
  async inspectUpload(ref: UploadRef, signal?: AbortSignal): Promise<RemoteUploadDetails> {
    const details = await inspectUpload(this.#options.clients(ref.accountId), ref, this.#abortContext(), signal);
    this.#stats.remember(ref, { partCount: details.partCount, bytesStored: details.bytesStored });
    return details;
  }

  /** Aborts one upload (through its local job when one owns it); never throws, a failure is a result. */
  async abortUpload(ref: UploadRef): Promise<AbortItemResult> {
    const result = await abortUpload(this.#options.clients(ref.accountId), ref.bucket, ref, this.#abortContext());
    if (result.outcome !== 'failed') this.#stats.invalidate(ref);
    return result;
  }

  /** The dry run of a bulk abort: exactly the uploads {@link bulkAbort} would act on now. */
  previewBulkAbort(request: BulkAbortRequest, signal?: AbortSignal): Promise<AbortTarget[]> {
    return resolveAbortTargets(this.#options.clients(request.accountId), request.bucket, request.target, this.#targetContext(), signal);
  }

  /** Aborts every upload the request selects, with bounded concurrency, per-item results and progress. */
  async bulkAbort(request: BulkAbortRequest, options: BulkAbortRunOptions = {}): Promise<BulkAbortResult> {
    if (options.concurrency !== undefined) validateConcurrency(options.concurrency);
    const client = this.#options.clients(request.accountId);
    const targets = await resolveAbortTargets(client, request.bucket, request.target, this.#targetContext(), options.signal);
    const result = await abortTargets(client, request.bucket, targets, this.#abortContext(), {
      ...options,
      onProgress: (progress) => {
        if (progress.item.outcome !== 'failed') this.#stats.invalidate({ ...progress.item, accountId: request.accountId, bucket: request.bucket });
        options.onProgress?.(progress);
      },
    });
    return result;
  }

  /** Finishes an upload from the parts on the server and a local file; refuses (changing nothing) when it cannot. */
  async resumeFromServer(args: ResumeFromServerArgs): Promise<ResumeRemoteResult> {
    const result = await resumeFromServer(this.#options.clients(args.accountId), args, {
      ownership: this.#options.ownership,
      retry: this.#retry,
      hashConcurrency: this.#options.hashConcurrency,
      sendConcurrency: this.#options.sendConcurrency,
      defaultPartSizeBytes: this.#options.defaultPartSizeBytes?.(),
    });
    if (result.outcome !== 'refused') this.#stats.invalidate(args);
    return result;
  }

  #abortContext(): AbortContext {
    return { ownership: this.#options.ownership, retry: this.#retry };
  }

  #targetContext(): TargetContext {
    return { now: this.#options.now, ownership: this.#options.ownership, retry: this.#retry };
  }
}
