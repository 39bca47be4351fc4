// RFC 3986 percent-encoding as OSS signature V4 defines it (oss-protocol.md §4.2): UTF-8 bytes, the unreserved set
// `A-Z a-z 0-9 - . _ ~` kept, every other byte `%XX` with upper-case hex. gov2 `escapePath` and alioss
// `encodeString` (encodeURIComponent plus `! ' ( ) *`) encode exactly this set. The same encoder serves the wire path
// (keepSlash=true): the server re-canonicalises from the decoded path (§11), so one encoder for both is simplest.

/** `%XX` (or the character itself when unreserved) for every byte value, built once. */
const BYTE_TO_TOKEN: readonly string[] = Array.from({ length: 256 }, (_, byte) => {
  const unreserved =
    (byte >= 0x41 && byte <= 0x5a) || // A-Z
    (byte >= 0x61 && byte <= 0x7a) || // a-z
    (byte >= 0x30 && byte <= 0x39) || // 0-9
    byte === 0x2d || // -
    byte === 0x2e || // .
    byte === 0x5f || // _
    byte === 0x7e; // ~
  return unreserved ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
});

const SLASH = 0x2f;

/**
 * Percent-encodes `s` as UTF-8, keeping only `A-Z a-z 0-9 - . _ ~` (and `/` when `keepSlash`).
 * Space becomes `%20`, never `+`. A lone UTF-16 surrogate is encoded as U+FFFD (`%EF%BF%BD`), as Node's UTF-8
 * encoder does; such a string cannot name an OSS key faithfully, but signer and wire path then agree.
 */
export function percentEncode(s: string, keepSlash: boolean): string {
  const bytes = Buffer.from(s, 'utf8');
  let out = '';
  for (const byte of bytes) {
    // Indexing a 256-entry table with a byte value is always in range.
    out += keepSlash && byte === SLASH ? '/' : (BYTE_TO_TOKEN[byte] as string);
  }
  return out;
}
