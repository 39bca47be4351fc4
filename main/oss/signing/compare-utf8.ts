// OSS canonical forms sort names "byte-wise" (oss-protocol.md §3.1, §3.2, §4.2), i.e. by their UTF-8 bytes, as Go's
// sort.Strings does. JavaScript's default string order compares UTF-16 code units, which disagrees with UTF-8 byte
// order once astral characters meet U+E000-U+FFFF, so non-ASCII names go through Buffer.compare.

const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** Orders two strings by their UTF-8 bytes (negative, zero, positive), for Array.prototype.sort. */
export function compareUtf8(a: string, b: string): number {
  if (ASCII_ONLY.test(a) && ASCII_ONLY.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
