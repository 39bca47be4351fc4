// Signature V1 (`Authorization: OSS <AccessKeyId>:<Signature>`), header and presigned-URL forms, as pure functions
// (oss-protocol.md §3; gov2 oss/signer/v1.go; doc include-signatures-in-the-authorization-header).
import { createHmac } from 'node:crypto';
import type { Credentials } from '../credentials';
import { OssError } from '../oss-error';
import { compareUtf8 } from './compare-utf8';
import { headerValue, lowerCaseHeaders, withHeaders } from './lower-case-headers';
import { resourcePath } from './resource-path';
import { formatRfc1123 } from './sign-dates';
import type { SignableRequest } from './signable-request';
import { isV1SubResource } from './v1-sub-resources';

export { V1_SUB_RESOURCES } from './v1-sub-resources';

/**
 * CanonicalizedOSSHeaders (§3.1): every `x-oss-*` header, lower-cased name, trimmed value, sorted by name,
 * each as `name:value\n`; '' when there is none.
 */
export function buildV1CanonicalizedOssHeaders(headers: Readonly<Record<string, string>>): string {
  const ossHeaders = [...lowerCaseHeaders(headers)].filter(([name]) => name.startsWith('x-oss-'));
  // Sort by name, not by whole line: `x-oss-a-b` sorts before `x-oss-a:` as a line but after `x-oss-a` as a name.
  ossHeaders.sort(([a], [b]) => compareUtf8(a, b));
  return ossHeaders.map(([name, value]) => `${name}:${value}\n`).join('');
}

/**
 * CanonicalizedResource (§3.2): `/bucket/key` with the raw key, then `?` and the signed sub-resources sorted by name,
 * `name=value` with the raw value or a bare `name` when the value is empty. Other query parameters are not signed.
 * A name given twice is signed once, with its first value (gov2 reads `query.Get(k)`).
 */
export function buildV1CanonicalizedResource(req: SignableRequest, extraSubResources: readonly string[] = []): string {
  const signed = new Map<string, string>();
  for (const [name, value] of req.query) {
    if (!signed.has(name) && isV1SubResource(name, extraSubResources)) signed.set(name, value);
  }
  const items = [...signed.keys()]
    .sort(compareUtf8)
    .map((name) => {
      const value = signed.get(name) ?? '';
      return value === '' ? name : `${name}=${value}`;
    });
  const path = resourcePath(req);
  return items.length === 0 ? path : `${path}?${items.join('&')}`;
}

/**
 * StringToSign (§3): VERB, Content-MD5, Content-Type, the Date slot (RFC 1123 date for header auth, the `Expires`
 * Unix seconds for a presigned URL), then CanonicalizedOSSHeaders and CanonicalizedResource with no separator.
 */
export function buildV1StringToSign(
  req: SignableRequest,
  dateSlot: string,
  extraSubResources: readonly string[] = [],
): string {
  const contentMd5 = headerValue(req.headers, 'content-md5') ?? '';
  const contentType = headerValue(req.headers, 'content-type') ?? '';
  return (
    `${req.method}\n${contentMd5}\n${contentType}\n${dateSlot}\n` +
    buildV1CanonicalizedOssHeaders(req.headers) +
    buildV1CanonicalizedResource(req, extraSubResources)
  );
}

/** base64( HMAC-SHA1( AccessKeySecret, UTF-8(StringToSign) ) ) (§3). */
export function computeV1Signature(accessKeySecret: string, stringToSign: string): string {
  return createHmac('sha1', accessKeySecret).update(stringToSign, 'utf8').digest('base64');
}

/**
 * Headers to add for V1 header auth (names lower-case; they replace any spelling already on the request):
 * `x-oss-date` in RFC 1123 GMT form, used as the Date slot and also signed as an OSS header, as alioss does where an
 * HTTP client will not let us set `Date` (§3.3, §5); `x-oss-security-token` with STS, set before signing (§3.4);
 * and `authorization`.
 */
export function signV1Headers(
  req: SignableRequest,
  creds: Credentials,
  nowMs: number,
  extraSubResources: readonly string[] = [],
): Record<string, string> {
  const date = formatRfc1123(nowMs);
  const added: Record<string, string> = { 'x-oss-date': date };
  if (creds.securityToken !== undefined && creds.securityToken !== '') {
    added['x-oss-security-token'] = creds.securityToken;
  }
  const signing: SignableRequest = { ...req, headers: withHeaders(req.headers, added) };
  const signature = computeV1Signature(creds.accessKeySecret, buildV1StringToSign(signing, date, extraSubResources));
  return { ...added, authorization: `OSS ${creds.accessKeyId}:${signature}` };
}

/**
 * Query parameters to add for a V1 presigned URL (§3.5): `security-token` with STS (added before signing, so it is a
 * signed sub-resource), then `OSSAccessKeyId`, `Expires` (the absolute expiry in Unix seconds, also the Date slot)
 * and `Signature`. Values are raw; the caller percent-encodes them into the URL.
 */
export function presignV1(
  req: SignableRequest,
  creds: Credentials,
  expiresUnixSeconds: number,
  extraSubResources: readonly string[] = [],
): Array<[string, string]> {
  if (!Number.isSafeInteger(expiresUnixSeconds) || expiresUnixSeconds < 0) {
    throw new OssError({
      code: 'InvalidArgument',
      status: 0,
      retryable: false,
      message: `Presigned URL expiry must be whole Unix seconds, got ${expiresUnixSeconds}`,
    });
  }
  const tokenParams: Array<[string, string]> =
    creds.securityToken !== undefined && creds.securityToken !== '' ? [['security-token', creds.securityToken]] : [];
  const expires = String(expiresUnixSeconds);
  const signing: SignableRequest = { ...req, query: [...req.query, ...tokenParams] };
  const signature = computeV1Signature(creds.accessKeySecret, buildV1StringToSign(signing, expires, extraSubResources));
  return [...tokenParams, ['OSSAccessKeyId', creds.accessKeyId], ['Expires', expires], ['Signature', signature]];
}
