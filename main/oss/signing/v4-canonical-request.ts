// The V4 canonical request (oss-protocol.md §4.2; gov2 oss/signer/v4.go `calcCanonicalRequest`): the part of
// signature V4 that a client and a verifying server must build byte-for-byte alike from the same request.
import { compareUtf8 } from './compare-utf8';
import { lowerCaseHeaders } from './lower-case-headers';
import { resourcePath } from './resource-path';
import type { SignableRequest } from './signable-request';
import { percentEncode } from './uri-encode';

/** The only `x-oss-content-sha256` value OSS accepts (doc 0002-00000214), also the default hashed payload. */
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

/** True for headers V4 always signs when present: `content-type`, `content-md5` and every `x-oss-*` (§4.2). */
export function isV4DefaultSignedHeader(lowerCaseName: string): boolean {
  return lowerCaseName === 'content-type' || lowerCaseName === 'content-md5' || lowerCaseName.startsWith('x-oss-');
}

/**
 * The AdditionalHeaders list to sign (§4.2; gov2 `getCommonAdditionalHeaders`): lower-cased, de-duplicated, without
 * default-signed names, without names the request lacks (or carries empty, as gov2's `header.Get(k) != ""` skips),
 * sorted. An empty result means "send no AdditionalHeaders field", since an empty one is an error (0002-00000209).
 */
export function normalizeAdditionalHeaders(
  names: readonly string[],
  headers: Readonly<Record<string, string>>,
): string[] {
  const present = lowerCaseHeaders(headers);
  const kept = new Set<string>();
  for (const name of names) {
    const lower = name.toLowerCase();
    const value = present.get(lower);
    if (!isV4DefaultSignedHeader(lower) && value !== undefined && value !== '') kept.add(lower);
  }
  return [...kept].sort(compareUtf8);
}

/**
 * CanonicalQueryString (§4.2): every parameter, name and value percent-encoded with `/` encoded too, sorted by
 * encoded name, `name=value` or a bare `name` for an empty value, joined with `&`. A name given several times keeps
 * every pair, ordered by encoded value (the vectors have no repeats; this keeps the result independent of input order).
 */
export function buildV4CanonicalQuery(query: ReadonlyArray<readonly [string, string]>): string {
  const pairs = query.map(([name, value]) => [percentEncode(name, false), percentEncode(value, false)] as const);
  // Encoded strings are ASCII, so plain comparison is byte-wise order.
  pairs.sort(([an, av], [bn, bv]) => compareUtf8(an, bn) || compareUtf8(av, bv));
  return pairs.map(([name, value]) => (value === '' ? name : `${name}=${value}`)).join('&');
}

/**
 * CanonicalHeaders (§4.2): the default-signed headers present plus those named in `additionalHeaders`, lower-cased
 * names, trimmed values, sorted by name, each `name:value\n`.
 */
export function buildV4CanonicalHeaders(
  headers: Readonly<Record<string, string>>,
  additionalHeaders: readonly string[],
): string {
  const additional = new Set(additionalHeaders.map((name) => name.toLowerCase()));
  const signed = [...lowerCaseHeaders(headers)].filter(
    ([name]) => isV4DefaultSignedHeader(name) || additional.has(name),
  );
  signed.sort(([a], [b]) => compareUtf8(a, b));
  return signed.map(([name, value]) => `${name}:${value}\n`).join('');
}

/**
 * The canonical request: method, CanonicalURI (`/bucket/key` percent-encoded, `/` kept), CanonicalQueryString,
 * CanonicalHeaders (ending in `\n`, hence a blank line), the `;`-joined AdditionalHeaders exactly as given, and the
 * hashed payload (`x-oss-content-sha256` when sent, else UNSIGNED-PAYLOAD, as gov2 does for presigned URLs).
 * `additionalHeaders` is the list as signed: normalized by a client, as received in Authorization by a verifier.
 */
export function buildV4CanonicalRequest(req: SignableRequest, additionalHeaders: readonly string[]): string {
  const hashedPayload = lowerCaseHeaders(req.headers).get('x-oss-content-sha256') || UNSIGNED_PAYLOAD;
  return [
    req.method,
    percentEncode(resourcePath(req), true),
    buildV4CanonicalQuery(req.query),
    buildV4CanonicalHeaders(req.headers, additionalHeaders),
    additionalHeaders.join(';'),
    hashedPayload,
  ].join('\n');
}
