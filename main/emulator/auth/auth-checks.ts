// Checks every signature scheme shares: AccessKey lookup, STS token, clock skew, expiry and a timing-safe signature
// comparison (oss-protocol.md §3.4, §8.4, §12 items 6-7).
import { timingSafeEqual } from 'node:crypto';
import { MAX_CLOCK_SKEW_MS } from '../../../shared/limits';
import { ossErrors } from '../emulator-error';
import type { EmulatorCredential } from '../emulator-types';
import type { SignableRequest } from '../../oss/signing/signable-request';

/** What a verifier needs besides the request. */
export interface AuthEnvironment {
  /** Credentials by AccessKey id. */
  readonly credentials: ReadonlyMap<string, EmulatorCredential>;
  /** Bare region id V4 scopes must name. */
  readonly region: string;
  readonly nowMs: number;
}

/** The credential with this id, else 403 InvalidAccessKeyId. */
export function lookupCredential(env: AuthEnvironment, accessKeyId: string): EmulatorCredential {
  const credential = env.credentials.get(accessKeyId);
  if (credential === undefined) throw ossErrors.invalidAccessKeyId(accessKeyId);
  return credential;
}

/**
 * STS rules: a key issued with a token needs exactly that token; a token sent with a permanent key makes OSS look the
 * key up among STS keys and fail (doc 0002-00000002), so both mismatches are InvalidAccessKeyId, and a wrong token for
 * an STS key is InvalidSecurityToken. An expired token → SecurityTokenExpired.
 */
export function checkSecurityToken(env: AuthEnvironment, credential: EmulatorCredential, provided: string | undefined): void {
  const sent = provided !== undefined && provided !== '' ? provided : undefined;
  if (credential.securityToken === undefined) {
    if (sent !== undefined) throw ossErrors.invalidAccessKeyId(credential.accessKeyId);
    return;
  }
  if (sent === undefined) throw ossErrors.invalidAccessKeyId(credential.accessKeyId);
  if (!safeEqual(sent, credential.securityToken)) throw ossErrors.invalidSecurityToken();
  if (credential.securityTokenExpiresAtMs !== undefined && env.nowMs > credential.securityTokenExpiresAtMs) {
    throw ossErrors.securityTokenExpired();
  }
}

/** ISO-8601 with milliseconds, the form of `<ServerTime>` / `<RequestTime>` in OSS error bodies. */
export function isoMs(ms: number): string {
  return new Date(ms).toISOString();
}

/** More than 15 minutes between the request's time and the server's → 403 RequestTimeTooSkewed (§8.4). */
export function checkSkew(env: AuthEnvironment, requestMs: number): void {
  if (Math.abs(env.nowMs - requestMs) > MAX_CLOCK_SKEW_MS) throw ossErrors.requestTimeTooSkewed(isoMs(requestMs), isoMs(env.nowMs));
}

/** Constant-time string equality (lengths may leak, contents do not). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A request header by lower-case name from a SignableRequest built by the emulator (names already lower-case). */
export function requestHeader(req: SignableRequest, name: string): string | undefined {
  return req.headers[name];
}

/** The first value of a query parameter, undefined when absent. */
export function queryValue(req: SignableRequest, name: string): string | undefined {
  return req.query.find(([n]) => n === name)?.[1];
}
