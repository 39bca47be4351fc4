import { createHash } from 'node:crypto';
import { Crc64 } from './crc64';
import { createMd5LanePool, type LaneHash, type Md5LanePool } from './md5-lanes';

// One pass over a part's bytes yields everything OSS can check it against (../shared/oss-protocol.md §6.2, §9):
// Content-MD5 (base64), the ETag (quoted upper-case hex MD5) and `x-oss-hash-crc64ecma` (CRC-64, decimal).
// Issue 3 item 4: each part is read once and hashed as it goes out, so both hashes run over the same chunks.

/** What a part's bytes hash to. */
export interface PartHashes {
  /** MD5 as base64, the form of the Content-MD5 header. */
  readonly md5Base64: string;
  /** MD5 as 32 upper-case hex digits, the form inside OSS ETags. */
  readonly md5Hex: string;
  /** CRC-64/ECMA, as `x-oss-hash-crc64ecma` reports it. */
  readonly crc64: bigint;
  /** How many bytes were hashed. */
  readonly bytes: number;
}

/** Hashes a part chunk by chunk; digest() ends it (and returns the same result if called again). */
export interface PartHasher {
  /** Adds the next chunk; throws once digest() has been called. */
  update(chunk: Uint8Array): void;
  /** Bytes hashed so far. */
  readonly bytes: number;
  /**
   * Finishes pending hashing work in slices that let other I/O through (the lane pool's queued bytes), so that the
   * digest() after it is quick. Optional to call; nothing to do with node:crypto.
   */
  settle(): Promise<void>;
  /** Finishes and returns the hashes. */
  digest(): PartHashes;
}

/**
 * Where a hasher's MD5 runs: node:crypto (OpenSSL, one stream at a time; CRC-64 then in crc64.ts), or a stream of
 * the process's shared four-lane WebAssembly pool (md5-lanes.ts, MD5 and CRC-64 in the same kernel calls), which
 * hashes up to four streams for about the price of one but a lone stream at ~0.7× OpenSSL: for parts that usually
 * have company in flight.
 */
export type Md5Engine = 'crypto' | 'lanes';

/** The process's one lane pool (streams batch together only within one pool); null once it proved unavailable. */
let sharedPool: Md5LanePool | null | undefined;

function lanePool(): Md5LanePool | undefined {
  if (sharedPool === undefined) sharedPool = createMd5LanePool() ?? null;
  return sharedPool ?? undefined;
}

/**
 * Builds the lane pool now (compiling its kernel and checking it against node:crypto, ~20 ms once per process) so
 * that the first part of the first upload does not wait for it.
 */
export function prepareMd5Lanes(): void {
  lanePool();
}

/**
 * A fresh MD5 + CRC-64 hasher for one part (or one PutObject body). With 'lanes', both hashes of chunks given to
 * update() may be computed later, from copies (the caller may reuse its buffers); where WebAssembly SIMD is missing,
 * 'lanes' falls back to node:crypto and crc64.ts.
 */
export function createPartHasher(md5Engine: Md5Engine = 'crypto'): PartHasher {
  // The lane pool computes the CRC-64 in the same kernel calls as the MD5 (md5-lanes-wasm.ts).
  const lane = md5Engine === 'lanes' ? lanePool()?.create() : undefined;
  const hashes = lane ?? opensslMd5AndCrc64();
  let bytes = 0;
  let result: PartHashes | undefined;
  return {
    update(chunk: Uint8Array): void {
      if (result !== undefined) throw new Error('PartHasher.update() called after digest()');
      hashes.update(chunk);
      bytes += chunk.length;
    },
    get bytes(): number {
      return bytes;
    },
    async settle(): Promise<void> {
      if (result === undefined) await lane?.settle();
    },
    digest(): PartHashes {
      // node:crypto hashes can be digested only once, so the result is kept for repeated calls.
      if (result === undefined) {
        const { md5, crc64 } = hashes.digest();
        result = { md5Base64: md5.toString('base64'), md5Hex: md5.toString('hex').toUpperCase(), crc64, bytes };
      }
      return result;
    },
  };
}

/** node:crypto's MD5 and crc64.ts fed the same chunks, in the lane stream's shape. */
function opensslMd5AndCrc64(): Pick<LaneHash, 'update' | 'digest'> {
  const md5 = createHash('md5');
  const crc = new Crc64();
  return {
    update(chunk) {
      md5.update(chunk);
      crc.update(chunk);
    },
    digest: () => ({ md5: md5.digest(), crc64: crc.digest() }),
  };
}

const MD5_HEX = /^[0-9A-Fa-f]{32}$/;

/** The ETag OSS gives a part or a single-PUT object whose MD5 is `md5Hex`: `"<UPPER-CASE HEX>"`. */
export function etagFromMd5Hex(md5Hex: string): string {
  if (!MD5_HEX.test(md5Hex)) throw new RangeError(`not a 32-digit hex MD5: ${JSON.stringify(md5Hex)}`);
  return `"${md5Hex.toUpperCase()}"`;
}

/**
 * The upper-case hex MD5 inside an ETag, or undefined when the ETag is not a plain MD5: multipart objects
 * (`"<hex>-<parts>"`) and some server-side encryption modes return other ETags, and then only CRC-64 can
 * verify the bytes (issue 3 item 4). Quotes are optional because some proxies strip them.
 */
export function md5HexFromEtag(etag: string): string | undefined {
  const unquoted = etag.length >= 2 && etag.startsWith('"') && etag.endsWith('"') ? etag.slice(1, -1) : etag;
  return MD5_HEX.test(unquoted) ? unquoted.toUpperCase() : undefined;
}
