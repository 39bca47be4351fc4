// The query string of a request as decoded name/value pairs, the form SignableRequest.query wants: signatures are
// rebuilt from decoded values (oss-protocol.md §3.2 "values raw", §4.2 re-encodes them).
import { ossErrors } from './emulator-error';

/** Decoded query pairs in wire order; a bare `?uploads` (or `uploads=`) has the value ''. */
export type QueryPairs = ReadonlyArray<readonly [string, string]>;

function decodeComponent(raw: string): string {
  try {
    // `+` means space in a query string (application/x-www-form-urlencoded, and what URLSearchParams writes); the
    // SDKs write space as %20 and `+` as %2B, so both spellings decode to the same value.
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    throw ossErrors.invalidUri();
  }
}

/** Splits and decodes a raw query string (without the `?`). */
export function parseQuery(rawQuery: string): QueryPairs {
  const pairs: Array<readonly [string, string]> = [];
  for (const segment of rawQuery.split('&')) {
    if (segment === '') continue;
    const eq = segment.indexOf('=');
    const name = decodeComponent(eq < 0 ? segment : segment.slice(0, eq));
    const value = eq < 0 ? '' : decodeComponent(segment.slice(eq + 1));
    pairs.push([name, value]);
  }
  return pairs;
}

/** Read access to decoded query pairs (first occurrence wins, as OSS reads a repeated parameter once). */
export class QueryParams {
  readonly pairs: QueryPairs;
  private readonly first = new Map<string, string>();

  constructor(pairs: QueryPairs) {
    this.pairs = pairs;
    for (const [name, value] of pairs) if (!this.first.has(name)) this.first.set(name, value);
  }

  has(name: string): boolean {
    return this.first.has(name);
  }

  /** The value, '' for a bare parameter, undefined when absent. */
  get(name: string): string | undefined {
    return this.first.get(name);
  }
}
