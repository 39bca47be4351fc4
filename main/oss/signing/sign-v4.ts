// Signature V4 (`OSS4-HMAC-SHA256`), header and presigned-URL forms, as pure functions (oss-protocol.md §4;
// gov2 oss/signer/v4.go; doc recommend-to-use-signature-version-4, add-signatures-to-urls).
import { createHash, createHmac } from 'node:crypto';
import type { Credentials } from '../credentials';
import { OssError } from '../oss-error';
import { withHeaders } from './lower-case-headers';
import { formatIsoBasic } from './sign-dates';
import type { SignableRequest } from './signable-request';
import { buildV4CanonicalRequest, normalizeAdditionalHeaders, UNSIGNED_PAYLOAD } from './v4-canonical-request';

/** The algorithm name in Authorization, the string to sign and `x-oss-signature-version`. */
export const V4_ALGORITHM = 'OSS4-HMAC-SHA256';

/** Product in the scope for plain OSS; OSS on CloudBox signs `oss-cloudbox` (§4.3). */
export const DEFAULT_V4_PRODUCT = 'oss';

/** Longest presigned-URL lifetime: gov2 refuses more than seven days (`oss/client_presign.go`, §4.4). */
export const V4_MAX_PRESIGN_EXPIRES_SECONDS = 604_800;

const SCOPE_TERMINATOR = 'aliyun_v4_request';

/** Options shared by V4 header auth and presigning. */
export interface V4SignOptions {
  /** The signing time, epoch ms (injected: these functions never read the clock). */
  readonly nowMs: number;
  /** Bucket region, `cn-hangzhou` (an `oss-` prefix is stripped), or the CloudBox id with product `oss-cloudbox`. */
  readonly region: string;
  /** Scope product; default `oss`. */
  readonly product?: string | undefined;
  /** Extra headers to sign (e.g. `host`, `range`); normalized by {@link normalizeAdditionalHeaders}. */
  readonly additionalHeaders?: readonly string[] | undefined;
}

/** Options of {@link presignV4}. */
export interface V4PresignOptions extends V4SignOptions {
  /** How long the URL stays valid, whole seconds in 1..604800 (a duration, not a timestamp). */
  readonly expiresSeconds: number;
}

function invalidArgument(message: string): OssError {
  return new OssError({ code: 'InvalidArgument', status: 0, retryable: false, message });
}

/**
 * The bare region id V4 signs: `oss-cn-hangzhou` → `cn-hangzhou`. ali-oss users write the `oss-` form (its
 * `getStandardRegion` strips it the same way, §2), while the scope must hold the bare id (§4.3).
 */
export function normalizeRegion(region: string): string {
  return region.startsWith('oss-') ? region.slice('oss-'.length) : region;
}

/** `<YYYYMMDD>/<region>/<product>/aliyun_v4_request` (§4.3). */
export function buildV4Scope(yyyymmdd: string, region: string, product: string): string {
  return `${yyyymmdd}/${region}/${product}/${SCOPE_TERMINATOR}`;
}

/** `OSS4-HMAC-SHA256\n<x-oss-date>\n<scope>\n<hex SHA-256 of the canonical request>` (§4.3). */
export function buildV4StringToSign(isoDate: string, scope: string, canonicalRequest: string): string {
  const hashed = createHash('sha256').update(canonicalRequest, 'utf8').digest('hex');
  return `${V4_ALGORITHM}\n${isoDate}\n${scope}\n${hashed}`;
}

/** kSigning: the HMAC-SHA256 chain over date, region, product and `aliyun_v4_request` (§4.3). */
export function deriveV4SigningKey(secret: string, yyyymmdd: string, region: string, product: string): Buffer {
  const kDate = createHmac('sha256', `aliyun_v4${secret}`).update(yyyymmdd, 'utf8').digest();
  const kRegion = createHmac('sha256', kDate).update(region, 'utf8').digest();
  const kProduct = createHmac('sha256', kRegion).update(product, 'utf8').digest();
  return createHmac('sha256', kProduct).update(SCOPE_TERMINATOR, 'utf8').digest();
}

/** lowercase-hex( HMAC-SHA256( kSigning, StringToSign ) ) (§4.3). */
export function computeV4Signature(
  secret: string,
  yyyymmdd: string,
  region: string,
  product: string,
  stringToSign: string,
): string {
  const key = deriveV4SigningKey(secret, yyyymmdd, region, product);
  return createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
}

/** The Authorization value in the SDK form: no space after commas, AdditionalHeaders only when non-empty (§4.3). */
export function formatV4Authorization(
  accessKeyId: string,
  scope: string,
  additionalHeaders: readonly string[],
  signature: string,
): string {
  const additional = additionalHeaders.length > 0 ? `,AdditionalHeaders=${additionalHeaders.join(';')}` : '';
  return `${V4_ALGORITHM} Credential=${accessKeyId}/${scope}${additional},Signature=${signature}`;
}

interface ResolvedScope {
  readonly isoDate: string;
  readonly yyyymmdd: string;
  readonly region: string;
  readonly product: string;
  readonly scope: string;
}

function resolveScope(opts: V4SignOptions): ResolvedScope {
  const region = normalizeRegion(opts.region);
  const product = opts.product ?? DEFAULT_V4_PRODUCT;
  if (region === '') throw invalidArgument('Signature V4 needs a region');
  if (product === '') throw invalidArgument('Signature V4 needs a product');
  const isoDate = formatIsoBasic(opts.nowMs);
  // The scope date is the date part of x-oss-date (§4.3).
  const yyyymmdd = isoDate.slice(0, 8);
  return { isoDate, yyyymmdd, region, product, scope: buildV4Scope(yyyymmdd, region, product) };
}

function hasToken(creds: Credentials): creds is Credentials & { readonly securityToken: string } {
  return creds.securityToken !== undefined && creds.securityToken !== '';
}

/**
 * Headers to add for V4 header auth (names lower-case; they replace any spelling already on the request, §4.1):
 * `x-oss-date` (ISO basic), `x-oss-content-sha256: UNSIGNED-PAYLOAD`, `x-oss-security-token` with STS, all signed,
 * and `authorization`. No `Date`: V4 does not sign it and alioss sends none.
 */
export function signV4Headers(req: SignableRequest, creds: Credentials, opts: V4SignOptions): Record<string, string> {
  const s = resolveScope(opts);
  const added: Record<string, string> = {
    'x-oss-date': s.isoDate,
    'x-oss-content-sha256': UNSIGNED_PAYLOAD,
  };
  if (hasToken(creds)) added['x-oss-security-token'] = creds.securityToken;
  const signing: SignableRequest = { ...req, headers: withHeaders(req.headers, added) };
  const additional = normalizeAdditionalHeaders(opts.additionalHeaders ?? [], signing.headers);
  const stringToSign = buildV4StringToSign(s.isoDate, s.scope, buildV4CanonicalRequest(signing, additional));
  const signature = computeV4Signature(creds.accessKeySecret, s.yyyymmdd, s.region, s.product, stringToSign);
  return { ...added, authorization: formatV4Authorization(creds.accessKeyId, s.scope, additional, signature) };
}

/**
 * Query parameters to add for a V4 presigned URL (§4.4), raw values in gov2's order: `x-oss-security-token` (STS),
 * `x-oss-signature-version`, `x-oss-date`, `x-oss-expires`, `x-oss-credential`, `x-oss-additional-headers` (when
 * any), all signed as part of the canonical query, then `x-oss-signature`. Throws InvalidArgument for an expiry
 * outside 1..604800 s.
 */
export function presignV4(req: SignableRequest, creds: Credentials, opts: V4PresignOptions): Array<[string, string]> {
  const { expiresSeconds } = opts;
  if (!Number.isSafeInteger(expiresSeconds) || expiresSeconds < 1 || expiresSeconds > V4_MAX_PRESIGN_EXPIRES_SECONDS) {
    throw invalidArgument(
      `Presigned URL expiry must be whole seconds in 1..${V4_MAX_PRESIGN_EXPIRES_SECONDS}, got ${expiresSeconds}`,
    );
  }
  const s = resolveScope(opts);
  const additional = normalizeAdditionalHeaders(opts.additionalHeaders ?? [], req.headers);
  const params: Array<[string, string]> = [];
  if (hasToken(creds)) params.push(['x-oss-security-token', creds.securityToken]);
  params.push(
    ['x-oss-signature-version', V4_ALGORITHM],
    ['x-oss-date', s.isoDate],
    ['x-oss-expires', String(expiresSeconds)],
    ['x-oss-credential', `${creds.accessKeyId}/${s.scope}`],
  );
  if (additional.length > 0) params.push(['x-oss-additional-headers', additional.join(';')]);
  const signing: SignableRequest = { ...req, query: [...req.query, ...params] };
  const stringToSign = buildV4StringToSign(s.isoDate, s.scope, buildV4CanonicalRequest(signing, additional));
  const signature = computeV4Signature(creds.accessKeySecret, s.yyyymmdd, s.region, s.product, stringToSign);
  params.push(['x-oss-signature', signature]);
  return params;
}
