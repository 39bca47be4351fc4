// Issue 4 item 4: abort many uploads at once. Bounded concurrency (default 16: Abort is a small request, so the
// time is round trips, and 16 in flight cut 1,000 aborts to well under 1/8 of one-by-one), one result per item,
// past any failure, cancellable, with a progress event per landed item.
import type {
  AbortItemResult,
  AbortTarget,
  BulkAbortProgress,
  BulkAbortResult,
  BulkAbortSummary,
} from '../../shared/models/remote-upload';
import { abortUpload, type AbortContext } from './abort-upload';
import type { IncompleteClient } from './incomplete-client';
import { runPool } from './run-pool';

/** Default Abort requests in flight (issue 4 item 4). */
export const DEFAULT_BULK_ABORT_CONCURRENCY = 16;
/** More in flight than this only queues at the server. */
export const MAX_BULK_ABORT_CONCURRENCY = 64;

/** Options of {@link abortTargets}. */
export interface BulkAbortRunOptions {
  readonly concurrency?: number | undefined;
  /** Stops starting new items; items already started finish and are reported. */
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((progress: BulkAbortProgress) => void) | undefined;
}

/** Counts of a result list, with `total` items planned. */
export function summarizeAbortResults(results: readonly AbortItemResult[], total: number): BulkAbortSummary {
  const count = (outcome: AbortItemResult['outcome']): number => results.filter((r) => r.outcome === outcome).length;
  return {
    total,
    aborted: count('aborted'),
    alreadyGone: count('alreadyGone'),
    failed: count('failed'),
    notAttempted: total - results.length,
  };
}

/** Throws RangeError unless `concurrency` is 1..64. */
export function validateConcurrency(concurrency: number): void {
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_BULK_ABORT_CONCURRENCY) {
    throw new RangeError(`concurrency must be 1..${MAX_BULK_ABORT_CONCURRENCY}, got ${concurrency}`);
  }
}

/** Aborts every target; resolves with every attempted item's result (never rejects for a failed item). */
export async function abortTargets(
  client: IncompleteClient,
  bucket: string,
  targets: readonly AbortTarget[],
  context: AbortContext,
  options: BulkAbortRunOptions = {},
): Promise<BulkAbortResult> {
  const concurrency = options.concurrency ?? DEFAULT_BULK_ABORT_CONCURRENCY;
  validateConcurrency(concurrency);
  const results: AbortItemResult[] = [];
  await runPool(
    targets,
    concurrency,
    async (target) => {
      const item = await abortUpload(client, bucket, target, context);
      results.push(item);
      options.onProgress?.({ done: results.length, total: targets.length, item });
    },
    options.signal,
  );
  return {
    results,
    summary: summarizeAbortResults(results, targets.length),
    canceled: results.length < targets.length,
  };
}
