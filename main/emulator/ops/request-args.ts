// Validation of query arguments shared by several operations (oss-protocol.md §6.5-6.7, §7).
import { MAX_LIST_PAGE_SIZE } from '../../../shared/limits';
import { ossErrors } from '../emulator-error';
import type { QueryParams } from '../request-query';

/**
 * A page-size parameter (`max-uploads`, `max-parts`, `max-keys`): an integer in 1..1000, `fallback` when absent.
 * Bigger → InvalidArgument, as the brief and §7 ("max 1000") require.
 */
export function pageSizeArg(query: QueryParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === undefined || raw === '') return fallback;
  const n = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(n >= 1 && n <= MAX_LIST_PAGE_SIZE)) {
    throw ossErrors.invalidArgument(`Argument ${name} must be an integer between 1 and ${MAX_LIST_PAGE_SIZE}.`, name, raw);
  }
  return n;
}

/** A non-negative integer argument such as `part-number-marker`; `fallback` when absent or empty. */
export function nonNegativeIntArg(query: QueryParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d{1,9}$/.test(raw)) throw ossErrors.invalidArgument(`Argument ${name} must be a non-negative integer.`, name, raw);
  return Number(raw);
}

/** A string argument, '' when absent. */
export function stringArg(query: QueryParams, name: string): string {
  return query.get(name) ?? '';
}

/** Encodes a response field when the request asked for `encoding-type=url` (§6.7). */
export type FieldEncoder = (value: string) => string;

/**
 * The encoder for `encoding-type`: identity when absent, percent-encoding when `url` (space → %20, `+` → %2B,
 * `/` → %2F, control characters → %XX, exactly what encodeURIComponent does). Any other value → InvalidArgument.
 */
export function encodingTypeArg(query: QueryParams): { readonly encoded: boolean; readonly encode: FieldEncoder } {
  const raw = query.get('encoding-type');
  if (raw === undefined) return { encoded: false, encode: (v) => v };
  if (raw.toLowerCase() !== 'url') throw ossErrors.invalidArgument('Invalid Encoding Method specified.', 'encoding-type', raw);
  return { encoded: true, encode: (v) => encodeURIComponent(v) };
}

/** ISO-8601 with milliseconds, as OSS writes LastModified and Initiated (`2023-11-22T05:42:34.000Z`). */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}
