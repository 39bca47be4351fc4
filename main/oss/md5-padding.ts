// MD5's padding (RFC 1321 §3.1-3.2), kept apart from the lane pool so the 64-bit length encoding can be tested for
// message lengths that no test could afford to hash (parts go up to 5 GiB, i.e. bit lengths past 2^32).

const BLOCK_BYTES = 64;
/** 2^29: bytes whose bit count is 2^32, so a byte count splits into the two 32-bit words of its bit count. */
const BYTES_PER_HIGH_WORD = 0x2000_0000;

/**
 * The bytes MD5 appends to a message of `totalBytes` bytes: 0x80, zeros up to 56 mod 64, then the length in bits as a
 * 64-bit little-endian integer. 9 to 72 bytes; with them the message becomes whole 64-byte blocks.
 */
export function md5Padding(totalBytes: number): Uint8Array {
  if (!Number.isSafeInteger(totalBytes) || totalBytes < 0) throw new RangeError(`not a byte count: ${totalBytes}`);
  const rest = totalBytes % BLOCK_BYTES;
  const zeros = (rest < 56 ? 55 : 119) - rest;
  const padding = new Uint8Array(1 + zeros + 8);
  padding[0] = 0x80;
  // Bits = 8·bytes, split without leaving exact integer arithmetic (8·bytes can pass 2^53): the low word is
  // 8·(bytes mod 2^29), the high word bytes / 2^29 (below 2^24 for every safe integer).
  const view = new DataView(padding.buffer);
  view.setUint32(1 + zeros, (totalBytes % BYTES_PER_HIGH_WORD) * 8, true);
  view.setUint32(1 + zeros + 4, Math.floor(totalBytes / BYTES_PER_HIGH_WORD), true);
  return padding;
}
