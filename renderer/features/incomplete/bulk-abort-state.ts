// The bulk-abort flow as explicit states (issue 6 item 4: "see the dry-run list first, then watch per-item results
// arrive"), with pure transitions so the progress arithmetic is tested without a bridge.
import type { BulkAbortProgressEvent } from '../../../shared/ipc/command-payloads';
import type { WireError } from '../../../shared/ipc/result';
import type { AbortFailure, AbortTarget, BulkAbortResult, UploadFilter } from '../../../shared/models/remote-upload';

/** What the user asked to abort: the rows they selected, or everything a filter matches. */
export type BulkAbortRequest =
  | { readonly kind: 'selection'; readonly targets: readonly AbortTarget[] }
  | { readonly kind: 'filter'; readonly filter: UploadFilter; readonly olderThanDays: number };

/** One upload that could not be aborted. */
export interface BulkAbortFailureItem {
  readonly key: string;
  readonly uploadId: string;
  readonly error: AbortFailure;
}

/** Bytes of the preview's uploads, summed as incomplete.stats answers. */
export interface PreviewBytes {
  readonly bytes: number;
  /** Targets whose stats arrived. */
  readonly counted: number;
  /** Targets whose stats could not be read. */
  readonly failed: number;
}

/** Per-item counts of a running or finished bulk abort. */
export interface BulkAbortCounts {
  readonly total: number;
  readonly done: number;
  readonly aborted: number;
  readonly alreadyGone: number;
  readonly failed: number;
  readonly failures: readonly BulkAbortFailureItem[];
}

/** Where the flow is. */
export type BulkAbortPhase =
  | { readonly phase: 'idle' }
  | { readonly phase: 'listing'; readonly request: BulkAbortRequest }
  | { readonly phase: 'preview'; readonly request: BulkAbortRequest; readonly targets: readonly AbortTarget[]; readonly bytes: PreviewBytes }
  | ({ readonly phase: 'running'; readonly operationId: string; readonly canceling: boolean } & BulkAbortCounts)
  | ({ readonly phase: 'finished'; readonly canceled: boolean; readonly notAttempted: number } & BulkAbortCounts)
  | { readonly phase: 'error'; readonly error: WireError };

/** Counts before the first result. */
export function startCounts(total: number): BulkAbortCounts {
  return { total, done: 0, aborted: 0, alreadyGone: 0, failed: 0, failures: [] };
}

/**
 * Applies one progress event to a running bulk abort. Events of another run are ignored; `done` and `total` come from
 * main, which counts them (a filter run only knows its total once it has listed).
 */
export function applyBulkAbortProgress(phase: BulkAbortPhase, event: BulkAbortProgressEvent): BulkAbortPhase {
  if (phase.phase !== 'running' || phase.operationId !== event.operationId) return phase;
  const item = event.item;
  const base = { ...phase, done: Math.max(phase.done, event.done), total: event.total };
  switch (item.outcome) {
    case 'aborted':
      return { ...base, aborted: phase.aborted + 1 };
    case 'alreadyGone':
      return { ...base, alreadyGone: phase.alreadyGone + 1 };
    case 'failed':
      return { ...base, failed: phase.failed + 1, failures: [...phase.failures, { key: item.key, uploadId: item.uploadId, error: item.error }] };
  }
}

/** The finished state from the command's answer, which is authoritative (an event may have been missed). */
export function finishBulkAbort(result: BulkAbortResult): BulkAbortPhase {
  const failures: BulkAbortFailureItem[] = [];
  for (const item of result.results) {
    if (item.outcome === 'failed') failures.push({ key: item.key, uploadId: item.uploadId, error: item.error });
  }
  const { summary } = result;
  return {
    phase: 'finished',
    canceled: result.canceled,
    notAttempted: summary.notAttempted,
    total: summary.total,
    done: summary.aborted + summary.alreadyGone + summary.failed,
    aborted: summary.aborted,
    alreadyGone: summary.alreadyGone,
    failed: summary.failed,
    failures,
  };
}

/** Milliseconds in `days` whole or fractional days, for the "older than N days" filter. */
export function daysToMs(days: number): number {
  return Math.round(days * 24 * 60 * 60 * 1000);
}
