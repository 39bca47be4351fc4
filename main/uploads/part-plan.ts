import { DEFAULT_PART_SIZE_BYTES, MAX_PART_COUNT, MAX_PART_SIZE_BYTES, MIN_PART_SIZE_BYTES } from '../../shared/limits';

// Issue 3 item 2. OSS limits (oss-protocol.md §7): parts of 100 KB … 5 GB except the last, which may be smaller;
// part numbers 1 … 10,000; one PutObject takes at most 5 GB. Part n covers [(n-1)·partSize, min(n·partSize, size)),
// the layout every official tool uses (§10), so a plan can be recomputed from (size, partSize) alone.

const MIB = 1024 * 1024;

/** How a file goes up: one PutObject, or a multipart upload of `partCount` parts of `partSizeBytes` (last shorter). */
export interface PartPlan {
  readonly mode: 'single' | 'multipart';
  readonly fileSizeBytes: number;
  readonly partSizeBytes: number;
  /** 1 in single mode (the PutObject body counts as part 1, even for an empty file). */
  readonly partCount: number;
}

/** Where one part lies in the file. */
export interface PartRange {
  readonly offset: number;
  readonly size: number;
}

/** Why a plan or a part number was refused. */
export type PartPlanErrorCode = 'PartSizeOutOfRange' | 'InvalidFileSize' | 'FileTooLarge' | 'InvalidPartNumber';

/** A RangeError with a machine-readable code, thrown for sizes and part numbers outside OSS's limits. */
export class PartPlanError extends RangeError {
  readonly code: PartPlanErrorCode;

  constructor(code: PartPlanErrorCode, message: string) {
    super(message);
    this.name = 'PartPlanError';
    this.code = code;
  }
}

/** The largest file a multipart upload can hold (10,000 × 5 GB ≈ 48.8 TB). */
export const MAX_MULTIPART_FILE_SIZE_BYTES = MAX_PART_COUNT * MAX_PART_SIZE_BYTES;

/**
 * Plans the upload of a file of `fileSizeBytes`. The requested part size must lie within 100 KB … 5 GB; it is
 * raised (to a whole MiB, so the number stays readable in the UI) when the file would need more than 10,000 parts.
 * A file no larger than one part, including an empty file, is one PutObject.
 */
export function planParts(fileSizeBytes: number, requestedPartSizeBytes: number = DEFAULT_PART_SIZE_BYTES): PartPlan {
  if (!Number.isSafeInteger(fileSizeBytes) || fileSizeBytes < 0) {
    throw new PartPlanError('InvalidFileSize', `File size must be a whole number of bytes ≥ 0, got ${fileSizeBytes}`);
  }
  if (
    !Number.isSafeInteger(requestedPartSizeBytes) ||
    requestedPartSizeBytes < MIN_PART_SIZE_BYTES ||
    requestedPartSizeBytes > MAX_PART_SIZE_BYTES
  ) {
    throw new PartPlanError(
      'PartSizeOutOfRange',
      `Part size must be between ${MIN_PART_SIZE_BYTES} bytes (100 KB) and ${MAX_PART_SIZE_BYTES} bytes (5 GB), got ${requestedPartSizeBytes}`,
    );
  }
  if (fileSizeBytes > MAX_MULTIPART_FILE_SIZE_BYTES) {
    throw new PartPlanError(
      'FileTooLarge',
      `File of ${fileSizeBytes} bytes exceeds the largest object OSS accepts (${MAX_PART_COUNT} parts × 5 GB = ${MAX_MULTIPART_FILE_SIZE_BYTES} bytes)`,
    );
  }
  let partSizeBytes = requestedPartSizeBytes;
  if (Math.ceil(fileSizeBytes / partSizeBytes) > MAX_PART_COUNT) {
    // Smallest whole-MiB size that fits in 10,000 parts. 5 GB is a whole number of MiB and the file is at most
    // 10,000 × 5 GB, so rounding up can never exceed the maximum part size.
    partSizeBytes = Math.ceil(Math.ceil(fileSizeBytes / MAX_PART_COUNT) / MIB) * MIB;
  }
  if (fileSizeBytes <= partSizeBytes) {
    return { mode: 'single', fileSizeBytes, partSizeBytes, partCount: 1 };
  }
  return { mode: 'multipart', fileSizeBytes, partSizeBytes, partCount: Math.ceil(fileSizeBytes / partSizeBytes) };
}

/** Offset and size of part `partNumber` (1-based) of `plan`; computed, so a 10,000-part plan costs nothing. */
export function partRange(plan: PartPlan, partNumber: number): PartRange {
  if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > plan.partCount) {
    throw new PartPlanError('InvalidPartNumber', `Part number must be 1 … ${plan.partCount}, got ${partNumber}`);
  }
  const offset = (partNumber - 1) * plan.partSizeBytes;
  return { offset, size: Math.min(plan.partSizeBytes, plan.fileSizeBytes - offset) };
}

/** Why inferPartSize could not name a part size. */
export type PartSizeInferenceFailure =
  | 'noParts'
  | 'duplicatePartNumbers'
  | 'inconsistentSizes'
  | 'partSizeOutOfRange'
  | 'ambiguous'
  | 'doesNotFitFile';

/** Result of inferPartSize: the part size, or why the parts do not reveal one (with an English explanation). */
export type PartSizeInference =
  | { readonly ok: true; readonly partSizeBytes: number }
  | { readonly ok: false; readonly reason: PartSizeInferenceFailure; readonly message: string };

/** One part as ListParts reports it. */
export interface ListedPartSize {
  readonly partNumber: number;
  readonly size: number;
}

function failure(reason: PartSizeInferenceFailure, message: string): PartSizeInference {
  return { ok: false, reason, message };
}

/** Whether every part sits exactly where a plan of `partSizeBytes` for a file of `fileSizeBytes` would put it. */
function fitsFile(parts: readonly ListedPartSize[], partSizeBytes: number, fileSizeBytes: number): boolean {
  if (partSizeBytes < 1 || partSizeBytes > MAX_PART_SIZE_BYTES) return false;
  const partCount = Math.max(1, Math.ceil(fileSizeBytes / partSizeBytes));
  if (partCount > MAX_PART_COUNT || (partCount > 1 && partSizeBytes < MIN_PART_SIZE_BYTES)) return false;
  return parts.every(
    (part) =>
      part.partNumber <= partCount &&
      part.size === Math.min(partSizeBytes, fileSizeBytes - (part.partNumber - 1) * partSizeBytes),
  );
}

/**
 * The part size of an existing multipart upload, from its ListParts answer (to resume an upload found on the
 * server). Every part but the highest-numbered one must share one size and the highest may only be smaller.
 * With the local file's size the layout is checked against it, which also lets a single uploaded part count.
 */
export function inferPartSize(parts: readonly ListedPartSize[], fileSizeBytes?: number): PartSizeInference {
  const sorted = [...parts].sort((a, b) => a.partNumber - b.partNumber);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) {
    return failure('noParts', 'The upload has no parts yet, so its part size is unknown.');
  }
  for (let i = 1; i < sorted.length; i += 1) {
    if (sorted[i - 1]?.partNumber === sorted[i]?.partNumber) {
      return failure('duplicatePartNumbers', `Part ${sorted[i]?.partNumber} is listed twice.`);
    }
  }
  const candidates: number[] = [];
  if (sorted.length >= 2) {
    const allButLastEqual = sorted.slice(0, -1).every((part) => part.size === first.size);
    if (!allButLastEqual || last.size > first.size) {
      return failure('inconsistentSizes', 'The parts do not share one size (only the last part may be smaller).');
    }
    if (first.size < MIN_PART_SIZE_BYTES || first.size > MAX_PART_SIZE_BYTES) {
      return failure('partSizeOutOfRange', `The parts are ${first.size} bytes, outside OSS's 100 KB … 5 GB.`);
    }
    candidates.push(first.size);
  } else if (fileSizeBytes === undefined) {
    return failure('ambiguous', 'A single part does not reveal the part size without the file size.');
  } else {
    // One part: either it is full (its size is the part size) or it is the file's last part.
    candidates.push(last.size);
    const rest = fileSizeBytes - last.size;
    if (last.partNumber > 1 && rest > 0 && rest % (last.partNumber - 1) === 0) candidates.push(rest / (last.partNumber - 1));
  }
  if (fileSizeBytes === undefined) return { ok: true, partSizeBytes: first.size };
  const fitting = [...new Set(candidates)].filter((size) => fitsFile(sorted, size, fileSizeBytes));
  const [only, another] = fitting;
  if (only === undefined) {
    return failure('doesNotFitFile', `The parts on the server do not fit a file of ${fileSizeBytes} bytes.`);
  }
  if (another !== undefined) {
    return failure('ambiguous', 'The parts fit more than one part size; choose the part size explicitly.');
  }
  return { ok: true, partSizeBytes: only };
}
