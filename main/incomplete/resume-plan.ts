// Issue 4 item 5, the pure half of "resume from the server": which layout the server's parts imply for the local
// file, and which server parts the file can keep. Part n covers [(n-1)·partSize, min(n·partSize, size)), the layout
// every official tool uses (oss-protocol.md §10), so the part size alone fixes every range.
import { DEFAULT_PART_SIZE_BYTES } from '../../shared/limits';
import type { ResumeRefusalReason } from '../../shared/models/remote-upload';
import type { PartHashes } from '../oss/part-hasher';
import { md5HexFromEtag } from '../oss/part-hasher';
import type { PartInfo } from '../oss/oss-types';
import { inferPartSize, PartPlanError, planParts } from '../uploads/part-plan';

/** A refusal: nothing may be sent, and this says why. */
export interface ResumeRefusal {
  readonly ok: false;
  readonly reason: ResumeRefusalReason;
  readonly message: string;
}

/** The layout of the whole object: `partCount` parts of `partSizeBytes`, the last one shorter. */
export interface ResumeLayout {
  readonly ok: true;
  readonly fileSizeBytes: number;
  readonly partSizeBytes: number;
  readonly partCount: number;
}

/** A server part the local file matches, with the hashes that proved it. */
export interface KeptPart {
  readonly partNumber: number;
  readonly etag: string;
  readonly size: number;
  readonly crc64: bigint;
}

/** Which parts to keep and which to send. */
export interface PartClassification {
  readonly ok: true;
  readonly kept: readonly KeptPart[];
  /** Server parts holding other bytes than the file (re-sent under the same number, which overwrites, §7). */
  readonly mismatched: readonly number[];
  /** Part numbers of the layout the server does not have. */
  readonly missing: readonly number[];
  /** `mismatched` and `missing` together, ascending: everything to send. */
  readonly toSend: readonly number[];
}

/** Offset and size of part `partNumber` of a layout. */
export function layoutRange(layout: ResumeLayout, partNumber: number): { readonly offset: number; readonly size: number } {
  const offset = (partNumber - 1) * layout.partSizeBytes;
  return { offset, size: Math.min(layout.partSizeBytes, layout.fileSizeBytes - offset) };
}

/**
 * The layout the server's parts imply for a file of `fileSizeBytes`, or a refusal. With no part on the server yet
 * any part size works, so the engine's default plan is used. An empty file cannot be the source of a multipart
 * object (Complete needs at least one part).
 */
export function planResumeLayout(
  parts: readonly Pick<PartInfo, 'partNumber' | 'size'>[],
  fileSizeBytes: number,
  defaultPartSizeBytes: number = DEFAULT_PART_SIZE_BYTES,
): ResumeLayout | ResumeRefusal {
  if (fileSizeBytes === 0) {
    return { ok: false, reason: 'emptyFile', message: 'The local file is empty, so it cannot be the source of this upload.' };
  }
  let partSizeBytes: number;
  if (parts.length === 0) {
    try {
      partSizeBytes = planParts(fileSizeBytes, defaultPartSizeBytes).partSizeBytes;
    } catch (error) {
      if (!(error instanceof PartPlanError)) throw error;
      return { ok: false, reason: 'layoutMismatch', message: error.message };
    }
  } else {
    const inferred = inferPartSize(parts, fileSizeBytes);
    if (!inferred.ok) {
      return {
        ok: false,
        reason: 'layoutMismatch',
        message: `The local file (${fileSizeBytes} bytes) cannot be the source of this upload: ${inferred.message}`,
      };
    }
    partSizeBytes = inferred.partSizeBytes;
  }
  return { ok: true, fileSizeBytes, partSizeBytes, partCount: Math.ceil(fileSizeBytes / partSizeBytes) };
}

/**
 * True when the local bytes are those of the server part: same size, ETag MD5 equal (when the ETag is an MD5; some
 * encryption modes give other ETags), CRC-64 equal (when listed). A part neither check can vouch for is not kept.
 */
export function partMatches(part: Pick<PartInfo, 'size' | 'etag' | 'crc64'>, local: PartHashes): boolean {
  if (part.size !== local.bytes) return false;
  const md5Hex = md5HexFromEtag(part.etag);
  if (md5Hex === undefined && part.crc64 === undefined) return false;
  return (md5Hex === undefined || md5Hex === local.md5Hex) && (part.crc64 === undefined || part.crc64 === local.crc64);
}

/**
 * Sorts the server's parts into kept and mismatched against the hashes of the local ranges, and lists the layout's
 * missing parts. When most server parts (more than half) hold other bytes, the file is most likely not the source:
 * that is a refusal, so nothing on the server is overwritten.
 */
export function classifyServerParts(
  layout: ResumeLayout,
  parts: readonly Pick<PartInfo, 'partNumber' | 'size' | 'etag' | 'crc64'>[],
  localHashes: ReadonlyMap<number, PartHashes>,
): PartClassification | ResumeRefusal {
  const kept: KeptPart[] = [];
  const mismatched: number[] = [];
  for (const part of parts) {
    const local = localHashes.get(part.partNumber);
    if (local !== undefined && partMatches(part, local)) {
      kept.push({ partNumber: part.partNumber, etag: part.etag, size: part.size, crc64: local.crc64 });
    } else {
      mismatched.push(part.partNumber);
    }
  }
  if (mismatched.length * 2 > parts.length) {
    return {
      ok: false,
      reason: 'mostPartsMismatch',
      message:
        `${mismatched.length} of the ${parts.length} parts on the server differ from the local file, ` +
        'so it is most likely not the source of this upload. Nothing was changed.',
    };
  }
  const onServer = new Set(parts.map((part) => part.partNumber));
  const missing: number[] = [];
  for (let partNumber = 1; partNumber <= layout.partCount; partNumber += 1) {
    if (!onServer.has(partNumber)) missing.push(partNumber);
  }
  const toSend = [...mismatched, ...missing].sort((a, b) => a - b);
  return { ok: true, kept, mismatched, missing, toSend };
}
