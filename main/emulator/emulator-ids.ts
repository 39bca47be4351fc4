// Identifiers in the shapes OSS uses: 24 upper-case hex request ids (§8.1 sample `5C3D9175B6FC201293AD****`) and
// 32 upper-case hex upload ids (§6.1 sample `0004B9894A22E5B1888A1E29F823****`).
import { randomBytes } from 'node:crypto';

/** A fresh `x-oss-request-id`: 24 upper-case hex characters. */
export function newRequestId(): string {
  return randomBytes(12).toString('hex').toUpperCase();
}

const UPLOAD_ID_HEX_DIGITS = 32;
const RANDOM_BITS = 80n;
const UPLOAD_ID_PATTERN = /^[0-9A-F]{32}$/;

/** True when `value` has the shape this emulator gives upload ids. */
export function isUploadIdShape(value: string): boolean {
  return UPLOAD_ID_PATTERN.test(value);
}

/**
 * Issues upload ids that sort (as strings) in creation order: 48 bits of clock milliseconds, then 80 random bits,
 * bumped past the last id issued when the clock stalls or goes back. ListMultipartUploads orders by key then
 * UploadId, so creation-ordered ids keep both orders consistent (oss-protocol.md §12 item 11).
 */
export class UploadIdGenerator {
  private last: bigint;

  /** `existing` are ids already on disk, so ids issued after a restart still sort after them. */
  constructor(existing: Iterable<string> = []) {
    let max = 0n;
    for (const id of existing) {
      if (!isUploadIdShape(id)) continue;
      const value = BigInt(`0x${id}`);
      if (value > max) max = value;
    }
    this.last = max;
  }

  /** The next id for an upload initiated at `nowMs`. */
  next(nowMs: number): string {
    const random = BigInt(`0x${randomBytes(10).toString('hex')}`);
    let value = (BigInt(Math.max(0, Math.floor(nowMs))) << RANDOM_BITS) | random;
    // A small random step keeps ids unguessable even when the clock does not move.
    if (value <= this.last) value = this.last + 1n + (random & 0xffffn);
    this.last = value;
    return value.toString(16).toUpperCase().padStart(UPLOAD_ID_HEX_DIGITS, '0');
  }
}
