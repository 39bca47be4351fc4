// The checks CompleteMultipartUpload makes before writing anything (oss-protocol.md §6.3, §12 item 9), in this order
// [order inferred]: part numbers strictly ascending (InvalidPartOrder), every listed part uploaded with that ETag
// (InvalidPart), every part but the last at least 100 KB (EntityTooSmall).
import { MIN_PART_SIZE_BYTES } from '../../../shared/limits';
import { ossErrors } from '../emulator-error';
import type { PartRecord } from '../store/store-records';
import type { RequestedPart } from './complete-request';

/** ETags compare without their quotes and case-insensitively (clients echo them as returned; §13 item 3). */
function normalizeEtag(etag: string): string {
  return etag.replace(/^"|"$/g, '').toUpperCase();
}

/** The stored parts the Complete names, in order; throws the first failed check. */
export function selectCompleteParts(requested: readonly RequestedPart[], stored: ReadonlyMap<number, PartRecord>): PartRecord[] {
  for (let i = 1; i < requested.length; i++) {
    const previous = requested[i - 1];
    const current = requested[i];
    if (previous !== undefined && current !== undefined && current.partNumber <= previous.partNumber) {
      throw ossErrors.invalidPartOrder();
    }
  }
  const selected = requested.map((want) => {
    const have = stored.get(want.partNumber);
    if (have === undefined || normalizeEtag(want.etag) !== have.md5Hex) throw ossErrors.invalidPart(want.partNumber, want.etag);
    return have;
  });
  checkPartSizes(selected);
  return selected;
}

/** Every part but the last must be at least 100 KB (§7). */
export function checkPartSizes(parts: readonly PartRecord[]): void {
  parts.forEach((part, i) => {
    if (i < parts.length - 1 && part.size < MIN_PART_SIZE_BYTES) throw ossErrors.entityTooSmall(part.partNumber, part.size);
  });
}

/** Every stored part in part-number order, for `x-oss-complete-all: yes`. */
export function allPartsInOrder(stored: ReadonlyMap<number, PartRecord>): PartRecord[] {
  return [...stored.values()].sort((a, b) => a.partNumber - b.partNumber);
}
