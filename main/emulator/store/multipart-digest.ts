// The checksums of a completed multipart object, computed from its part records alone (no byte is read): the
// whole-object CRC-64 is folded from the part CRCs (oss-protocol.md §9) and the ETag is multipart-style, never the
// object's MD5 (§6.3).
import { createHash } from 'node:crypto';
import { crc64Combine, parseCrc64 } from '../../oss/crc64';
import type { PartRecord } from './store-records';

/** `"<MD5 of the parts' binary MD5s>-<part count>"`, upper-case hex, quoted. */
export function multipartEtag(parts: readonly PartRecord[]): string {
  const md5 = createHash('md5');
  for (const part of parts) md5.update(Buffer.from(part.md5Hex, 'hex'));
  return `"${md5.digest('hex').toUpperCase()}-${parts.length}"`;
}

/** The whole-object CRC-64: part CRCs combined in order with each part's length. */
export function combinedCrc64(parts: readonly PartRecord[]): bigint {
  let total = 0n;
  for (const part of parts) {
    const crc = parseCrc64(part.crc64);
    if (crc === undefined) throw new Error(`part ${part.partNumber} has an unreadable CRC-64`);
    total = crc64Combine(total, crc, part.size);
  }
  return total;
}
