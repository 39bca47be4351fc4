// One page of a listing with prefix, delimiter and a marker, as OSS pages ListMultipartUploads and ListObjects
// (oss-protocol.md §6.6): keys outside the prefix are skipped, keys holding the delimiter after the prefix roll up
// into one CommonPrefixes entry, and prefixes count toward the page size like items do.
import { compareUtf8 } from '../../oss/signing/compare-utf8';

/** An entry of a page: an item, or a common prefix standing for every key under it. */
export type PageEntry<T> = { readonly kind: 'item'; readonly item: T } | { readonly kind: 'prefix'; readonly prefix: string };

/** A page: entries in listing order, and whether more follow. */
export interface DelimitedPage<T> {
  readonly entries: ReadonlyArray<PageEntry<T>>;
  readonly truncated: boolean;
}

/** How to cut a page out of a sorted list. */
export interface DelimitedPageOptions<T> {
  readonly keyOf: (item: T) => string;
  readonly prefix: string;
  /** '' for no delimiter. */
  readonly delimiter: string;
  readonly maxEntries: number;
  /** The marker the previous page ended on ('' for the first page). */
  readonly marker: string;
  /** True for items after the marker (each operation has its own marker rule). */
  readonly isAfterMarker: (item: T) => boolean;
}

/** The common prefix `key` rolls up into, or undefined when it is listed itself. */
export function rollupOf(key: string, prefix: string, delimiter: string): string | undefined {
  if (delimiter === '') return undefined;
  const at = key.indexOf(delimiter, prefix.length);
  return at < 0 ? undefined : key.slice(0, at + delimiter.length);
}

/** Cuts one page out of `sorted` (ordered by key in UTF-8 byte order). */
export function pageWithDelimiter<T>(sorted: readonly T[], options: DelimitedPageOptions<T>): DelimitedPage<T> {
  const entries: Array<PageEntry<T>> = [];
  let lastPrefix: string | undefined;
  for (const item of sorted) {
    const key = options.keyOf(item);
    if (!key.startsWith(options.prefix) || !options.isAfterMarker(item)) continue;
    const rollup = rollupOf(key, options.prefix, options.delimiter);
    if (rollup !== undefined) {
      if (rollup === lastPrefix) continue;
      // A marker that is (or sorts after) this common prefix means an earlier page already returned it.
      if (options.marker !== '' && compareUtf8(rollup, options.marker) <= 0) continue;
    }
    if (entries.length >= options.maxEntries) return { entries, truncated: true };
    if (rollup === undefined) {
      entries.push({ kind: 'item', item });
    } else {
      entries.push({ kind: 'prefix', prefix: rollup });
      lastPrefix = rollup;
    }
  }
  return { entries, truncated: false };
}
