// Writes a completed multipart object by streaming its part files, in order, into one temp file. The object's CRC-64
// is folded from the part CRCs (oss-protocol.md §9) and its ETag is multipart-style, never the object's MD5 (§6.3).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, unlink } from 'node:fs/promises';
import { crc64Combine, formatCrc64, parseCrc64 } from '../../oss/crc64';
import { tempFilePath } from './receive-body';
import type { PartRecord } from './store-records';

/** The assembled object, still in a temp file. */
export interface ConcatenatedObject {
  readonly path: string;
  readonly size: number;
  /** Decimal CRC-64/ECMA of the whole object. */
  readonly crc64: string;
  /** `"<MD5 of the parts' binary MD5s>-<part count>"`, upper-case hex, quoted. */
  readonly etag: string;
}

/** The multipart ETag of these parts. */
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

/** Concatenates `parts` (whose bytes are at `pathOf(part)`) into a new temp file in `tmpDir`. */
export async function concatParts(tmpDir: string, parts: readonly PartRecord[], pathOf: (part: PartRecord) => string): Promise<ConcatenatedObject> {
  const path = tempFilePath(tmpDir);
  const out = await open(path, 'wx');
  let ok = false;
  try {
    let size = 0;
    for (const part of parts) {
      for await (const chunk of createReadStream(pathOf(part), { highWaterMark: 1024 * 1024 })) {
        if (!(chunk instanceof Buffer)) throw new TypeError('part file chunk is not a Buffer');
        await out.write(chunk);
        size += chunk.length;
      }
    }
    await out.sync();
    ok = true;
    return { path, size, crc64: formatCrc64(combinedCrc64(parts)), etag: multipartEtag(parts) };
  } finally {
    await out.close();
    if (!ok) await unlink(path).catch(() => undefined);
  }
}
