import { malformedResponse, quoteForMessage } from './malformed-response';

const MAX_UINT64 = (1n << 64n) - 1n;

/**
 * Parses OSS's CRC-64 (`x-oss-hash-crc64ecma`, `<HashCrc64ecma>`): an unsigned 64-bit decimal (oss-protocol.md §6.2),
 * exact as a bigint (Number loses bits above 2^53). Strict: digits only, at most 2^64 − 1; anything else, including
 * signs, hex, exponents and surrounding whitespace, throws MalformedResponse naming `what`.
 */
export function parseCrc64Decimal(text: string, what: string): bigint {
  if (!/^[0-9]{1,20}$/.test(text)) {
    throw malformedResponse(`${what} is not an unsigned 64-bit decimal: ${quoteForMessage(text)}`);
  }
  const value = BigInt(text);
  if (value > MAX_UINT64) throw malformedResponse(`${what} exceeds 2^64 - 1: ${quoteForMessage(text)}`);
  return value;
}
