// Signature V1 verification, header and presigned forms (oss-protocol.md §3, §12 items 2-3): rebuild the string to
// sign from the request as received (decoded bucket/key, decoded query, received headers) and compare signatures.
import { parseV1Authorization } from '../../oss/signing/parse-authorization';
import { buildV1StringToSign, computeV1Signature } from '../../oss/signing/sign-v1';
import type { SignableRequest } from '../../oss/signing/signable-request';
import { ossErrors } from '../emulator-error';
import type { EmulatorCredential } from '../emulator-types';
import { checkSecurityToken, checkSkew, isoMs, lookupCredential, queryValue, requestHeader, safeEqual, type AuthEnvironment } from './auth-checks';

function invalidAuthorizationHeader(value: string): Error {
  return ossErrors.invalidArgument('Authorization header is invalid.', 'Authorization', value);
}

/**
 * Sub-resources the server signs beyond V1_SUB_RESOURCES: gov1's `signKeyList` also holds `resourceGroup`
 * (oss-protocol.md §3.2), which vectors H3/H4 sign; the shared list leaves it to per-operation declaration.
 */
const SERVER_EXTRA_SUB_RESOURCES = ['resourceGroup'];

function checkSignature(req: SignableRequest, credential: EmulatorCredential, dateSlot: string, provided: string): void {
  const stringToSign = buildV1StringToSign(req, dateSlot, SERVER_EXTRA_SUB_RESOURCES);
  const expected = computeV1Signature(credential.accessKeySecret, stringToSign);
  if (!safeEqual(expected, provided)) throw ossErrors.signatureDoesNotMatch(stringToSign, provided, credential.accessKeyId);
}

/**
 * `Authorization: OSS <AK>:<Signature>`. The Date slot is `x-oss-date` when present, else `Date` (§3.3; ali-oss
 * sends only `x-oss-date`); its value must be within 15 minutes of the server clock.
 */
export function verifyV1Header(req: SignableRequest, authorization: string, env: AuthEnvironment): EmulatorCredential {
  const parsed = parseV1Authorization(authorization);
  if (parsed === undefined) throw invalidAuthorizationHeader(authorization);
  const credential = lookupCredential(env, parsed.accessKeyId);
  checkSecurityToken(env, credential, requestHeader(req, 'x-oss-security-token'));
  const dateSlot = requestHeader(req, 'x-oss-date') ?? requestHeader(req, 'date');
  const requestMs = dateSlot === undefined ? Number.NaN : Date.parse(dateSlot);
  if (dateSlot === undefined || Number.isNaN(requestMs)) throw ossErrors.accessDenied('Missing or invalid Date or x-oss-date header.');
  checkSkew(env, requestMs);
  checkSignature(req, credential, dateSlot, parsed.signature);
  return credential;
}

/**
 * Presigned `?OSSAccessKeyId=&Expires=&Signature=` (§3.5): the Date slot is `Expires` (Unix seconds); past it the
 * request is refused with 403 AccessDenied "Request has expired." [exact code unconfirmed, §12 item 3].
 */
export function verifyV1Query(req: SignableRequest, env: AuthEnvironment): EmulatorCredential {
  const accessKeyId = queryValue(req, 'OSSAccessKeyId');
  const expires = queryValue(req, 'Expires');
  const signature = queryValue(req, 'Signature');
  if (accessKeyId === undefined || expires === undefined || signature === undefined) {
    throw ossErrors.accessDenied('A presigned URL needs OSSAccessKeyId, Expires and Signature.');
  }
  if (!/^\d{1,12}$/.test(expires)) throw ossErrors.invalidArgument('Expires must be Unix seconds.', 'Expires', expires);
  const credential = lookupCredential(env, accessKeyId);
  checkSecurityToken(env, credential, queryValue(req, 'security-token'));
  const expiresMs = Number(expires) * 1000;
  if (env.nowMs > expiresMs) throw ossErrors.requestExpired(isoMs(expiresMs), isoMs(env.nowMs));
  checkSignature(req, credential, expires, signature);
  return credential;
}
