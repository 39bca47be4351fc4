// Signature V4 verification, header and presigned forms (oss-protocol.md §4, §12 items 4-5): the canonical request is
// rebuilt from the request as received, with the AdditionalHeaders list exactly as the client sent it.
import { parseV4Authorization, type V4Authorization } from '../../oss/signing/parse-authorization';
import { parseIsoBasic } from '../../oss/signing/sign-dates';
import { buildV4Scope, buildV4StringToSign, computeV4Signature, V4_ALGORITHM, V4_MAX_PRESIGN_EXPIRES_SECONDS } from '../../oss/signing/sign-v4';
import type { SignableRequest } from '../../oss/signing/signable-request';
import { buildV4CanonicalRequest, UNSIGNED_PAYLOAD } from '../../oss/signing/v4-canonical-request';
import { EmulatorError, ossErrors } from '../emulator-error';
import type { EmulatorCredential } from '../emulator-types';
import { checkSecurityToken, checkSkew, isoMs, lookupCredential, queryValue, requestHeader, safeEqual, type AuthEnvironment } from './auth-checks';

const V4_PRODUCT = 'oss';

/** The signing time of an ISO-basic `x-oss-date`, which must also carry the scope's date (§4.3). */
interface SigningTime {
  readonly isoDate: string;
  readonly ms: number;
}

/** Parses and checks `x-oss-date` against the scope. */
function signingTimeOf(isoDate: string | undefined, auth: V4Authorization, where: string): SigningTime {
  const ms = isoDate === undefined ? undefined : parseIsoBasic(isoDate);
  if (isoDate === undefined || ms === undefined) {
    throw ossErrors.accessDenied(`Signature V4 needs x-oss-date in ISO 8601 basic form (${where}).`);
  }
  if (isoDate.slice(0, 8) !== auth.date) {
    throw ossErrors.invalidArgument('The credential date does not match x-oss-date.', 'x-oss-credential', auth.date);
  }
  return { isoDate, ms };
}

/** The scope must name this emulator's region and the `oss` product. */
function checkScope(auth: V4Authorization, env: AuthEnvironment): void {
  if (auth.region !== env.region) {
    throw ossErrors.invalidArgument(`Invalid signing region in Authorization header, expected ${env.region}.`, 'region', auth.region);
  }
  if (auth.product !== V4_PRODUCT) throw ossErrors.invalidArgument('Invalid signing product in Authorization header.', 'product', auth.product);
}

function checkSignature(req: SignableRequest, auth: V4Authorization, isoDate: string, credential: EmulatorCredential): void {
  const canonicalRequest = buildV4CanonicalRequest(req, auth.additionalHeaders);
  const scope = buildV4Scope(auth.date, auth.region, auth.product);
  const stringToSign = buildV4StringToSign(isoDate, scope, canonicalRequest);
  const expected = computeV4Signature(credential.accessKeySecret, auth.date, auth.region, auth.product, stringToSign);
  if (!safeEqual(expected, auth.signature.toLowerCase())) {
    const base = ossErrors.signatureDoesNotMatch(stringToSign, auth.signature, credential.accessKeyId);
    throw new EmulatorError(base.status, base.code, base.message, base.ec, [...base.extras, ['CanonicalRequest', canonicalRequest]]);
  }
}

/**
 * `Authorization: OSS4-HMAC-SHA256 Credential=...,[AdditionalHeaders=...,]Signature=...`: needs
 * `x-oss-content-sha256: UNSIGNED-PAYLOAD` (doc 0002-00000214) and an ISO `x-oss-date` within 15 minutes.
 */
export function verifyV4Header(req: SignableRequest, authorization: string, env: AuthEnvironment): EmulatorCredential {
  const auth = parseV4Authorization(authorization);
  // Also rejects an empty `AdditionalHeaders=` (doc 0002-00000209).
  if (auth === undefined) throw ossErrors.invalidArgument('Authorization header is invalid.', 'Authorization', authorization);
  const contentSha = requestHeader(req, 'x-oss-content-sha256');
  if (contentSha !== UNSIGNED_PAYLOAD) {
    throw ossErrors.invalidArgument('x-oss-content-sha256 must be UNSIGNED-PAYLOAD.', 'x-oss-content-sha256', contentSha ?? '');
  }
  checkScope(auth, env);
  const credential = lookupCredential(env, auth.accessKeyId);
  checkSecurityToken(env, credential, requestHeader(req, 'x-oss-security-token'));
  const time = signingTimeOf(requestHeader(req, 'x-oss-date'), auth, 'header');
  checkSkew(env, time.ms);
  checkSignature(req, auth, time.isoDate, credential);
  return credential;
}

/**
 * Presigned `?x-oss-signature-version=OSS4-HMAC-SHA256&x-oss-date=&x-oss-expires=&x-oss-credential=...&x-oss-signature=`
 * (§4.4): the canonical query is every parameter but `x-oss-signature`; `x-oss-expires` is a duration ≤ 604800 s;
 * the URL is refused after `x-oss-date + x-oss-expires`, or when signed more than 15 minutes in the future.
 */
export function verifyV4Query(req: SignableRequest, env: AuthEnvironment): EmulatorCredential {
  const version = queryValue(req, 'x-oss-signature-version');
  const credentialParam = queryValue(req, 'x-oss-credential');
  const signature = queryValue(req, 'x-oss-signature');
  const expires = queryValue(req, 'x-oss-expires');
  const isoDate = queryValue(req, 'x-oss-date');
  const additional = queryValue(req, 'x-oss-additional-headers');
  if (version !== V4_ALGORITHM || credentialParam === undefined || signature === undefined || expires === undefined) {
    throw ossErrors.accessDenied('A V4 presigned URL needs x-oss-signature-version, x-oss-credential, x-oss-expires and x-oss-signature.');
  }
  // Reuse the header parser for the credential scope and list checks: the fields are the same.
  const auth = parseV4Authorization(
    `${V4_ALGORITHM} Credential=${credentialParam}${additional === undefined ? '' : `,AdditionalHeaders=${additional}`},Signature=${signature}`,
  );
  if (auth === undefined) throw ossErrors.invalidArgument('x-oss-credential or x-oss-signature is invalid.', 'x-oss-credential', credentialParam);
  const expiresSeconds = /^\d{1,7}$/.test(expires) ? Number(expires) : Number.NaN;
  if (!(expiresSeconds >= 1 && expiresSeconds <= V4_MAX_PRESIGN_EXPIRES_SECONDS)) {
    throw ossErrors.invalidArgument(`x-oss-expires must be between 1 and ${V4_MAX_PRESIGN_EXPIRES_SECONDS}.`, 'x-oss-expires', expires);
  }
  checkScope(auth, env);
  const credential = lookupCredential(env, auth.accessKeyId);
  checkSecurityToken(env, credential, queryValue(req, 'x-oss-security-token'));
  const time = signingTimeOf(isoDate, auth, 'query');
  const expiresAtMs = time.ms + expiresSeconds * 1000;
  if (env.nowMs > expiresAtMs) throw ossErrors.requestExpired(isoMs(expiresAtMs), isoMs(env.nowMs));
  // A URL from the past is governed by its expiry; one signed in the future still obeys the skew limit.
  if (time.ms > env.nowMs) checkSkew(env, time.ms);
  const unsigned: SignableRequest = { ...req, query: req.query.filter(([name]) => name !== 'x-oss-signature') };
  checkSignature(unsigned, auth, time.isoDate, credential);
  return credential;
}
