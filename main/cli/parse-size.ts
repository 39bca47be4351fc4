// Byte sizes and rates as people type them on the command line: `8MiB`, `100KB`, `5GB`, `1.5GiB`, `10MiB/s`, or
// plain bytes. Pure; commander wraps these into option parsers (cli-options.ts).
//
// KB, MB, GB and TB are 1024-based here, like KiB..TiB: that is how the OSS documentation states its own limits
// ("100 KB" minimum part = 102400 bytes, "5 GB" maximum = 5 × 1024³; oss-protocol.md §7, shared/limits.ts), so
// `--part-size 100KB` means exactly the documented minimum instead of 2,400 bytes below it.

const UNIT_BYTES: Readonly<Record<string, number>> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
  gib: 1024 ** 3,
  t: 1024 ** 4,
  tb: 1024 ** 4,
  tib: 1024 ** 4,
};

const SIZE_PATTERN = /^(\d+(?:\.\d+)?|\.\d+)\s*([a-z]*)$/i;

/** Why a size could not be parsed; the message is meant for the user. */
export class SizeParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SizeParseError';
  }
}

/**
 * Parses a byte count: a number with an optional unit (B, K/KB/KiB, M/MB/MiB, G/GB/GiB, T/TB/TiB; case-insensitive,
 * all 1024-based). The result must be a whole, safe, non-negative number of bytes. Throws SizeParseError.
 */
export function parseSize(text: string): number {
  const match = SIZE_PATTERN.exec(text.trim());
  const unit = match?.[2]?.toLowerCase();
  const multiplier = unit === undefined ? undefined : UNIT_BYTES[unit];
  if (match === null || multiplier === undefined) {
    throw new SizeParseError(`${JSON.stringify(text)} is not a size (examples: 8MiB, 100KB, 5GB, 1048576)`);
  }
  const bytes = Number(match[1]) * multiplier;
  if (!Number.isSafeInteger(bytes)) {
    const why = Number.isFinite(bytes) && bytes < Number.MAX_SAFE_INTEGER ? 'is not a whole number of bytes' : 'is too large';
    throw new SizeParseError(`${JSON.stringify(text)} ${why}`);
  }
  return bytes;
}

/** Parses a rate such as `10MiB/s` or `10MiB` (per second implied); `0` and `off` mean unlimited (0). */
export function parseBytesPerSecond(text: string): number {
  const trimmed = text.trim();
  if (/^(off|none|unlimited)$/i.test(trimmed)) return 0;
  return parseSize(trimmed.replace(/\s*\/\s*s(ec)?$/i, ''));
}
