// Which uploads a bulk abort or an `--older-than` listing selects (issue 4 item 4). Pure, with the clock passed in,
// so the dry run and the real run select exactly the same uploads by the same code.
import type { UploadFilter } from '../../shared/models/remote-upload';

/** Age of an upload at `nowMs`; never negative (a server clock ahead of ours must not make ages negative). */
export function uploadAgeMs(initiatedMs: number, nowMs: number): number {
  return Math.max(0, nowMs - initiatedMs);
}

/** True when the upload was initiated at least `olderThanMs` before `nowMs` (an age equal to the limit counts). */
export function isOlderThan(initiatedMs: number, olderThanMs: number | undefined, nowMs: number): boolean {
  return olderThanMs === undefined || nowMs - initiatedMs >= olderThanMs;
}

/** True when `upload` lies under the filter's prefix and is old enough. */
export function matchesUploadFilter(
  upload: { readonly key: string; readonly initiatedMs: number },
  filter: UploadFilter,
  nowMs: number,
): boolean {
  return upload.key.startsWith(filter.prefix) && isOlderThan(upload.initiatedMs, filter.olderThanMs, nowMs);
}

/** Throws RangeError unless `olderThanMs` is absent or a whole number of ms ≥ 0. */
export function validateOlderThan(olderThanMs: number | undefined): void {
  if (olderThanMs !== undefined && (!Number.isSafeInteger(olderThanMs) || olderThanMs < 0)) {
    throw new RangeError(`olderThanMs must be a whole number of milliseconds ≥ 0, got ${olderThanMs}`);
  }
}
