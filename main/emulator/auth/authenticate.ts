// Picks the signature scheme a request uses and verifies it (oss-protocol.md §12 items 2-7). Every OSS request must
// be signed: the emulated buckets are private, so an anonymous request gets 403 AccessDenied.
import type { SignableRequest } from '../../oss/signing/signable-request';
import { V4_ALGORITHM } from '../../oss/signing/sign-v4';
import { ossErrors } from '../emulator-error';
import type { EmulatorCredential } from '../emulator-types';
import { queryValue, requestHeader, type AuthEnvironment } from './auth-checks';
import { verifyV1Header, verifyV1Query } from './verify-v1';
import { verifyV4Header, verifyV4Query } from './verify-v4';

/** Which scheme authenticated a request. */
export type AuthScheme = 'v1-header' | 'v1-query' | 'v4-header' | 'v4-query';

/** The outcome of a successful verification. */
export interface Authenticated {
  readonly credential: EmulatorCredential;
  readonly scheme: AuthScheme;
}

/**
 * Verifies `req` (built from the request as received: decoded bucket and key, decoded query pairs, lower-case header
 * names) and returns the credential that signed it; throws an EmulatorError otherwise.
 */
export function authenticate(req: SignableRequest, env: AuthEnvironment): Authenticated {
  const authorization = requestHeader(req, 'authorization');
  if (authorization !== undefined) {
    if (authorization.startsWith(`${V4_ALGORITHM} `)) return { credential: verifyV4Header(req, authorization, env), scheme: 'v4-header' };
    if (authorization.startsWith('OSS ')) return { credential: verifyV1Header(req, authorization, env), scheme: 'v1-header' };
    throw ossErrors.invalidArgument('Authorization header is invalid.', 'Authorization', authorization);
  }
  if (queryValue(req, 'x-oss-signature-version') !== undefined || queryValue(req, 'x-oss-signature') !== undefined) {
    return { credential: verifyV4Query(req, env), scheme: 'v4-query' };
  }
  if (queryValue(req, 'OSSAccessKeyId') !== undefined || queryValue(req, 'Signature') !== undefined) {
    return { credential: verifyV1Query(req, env), scheme: 'v1-query' };
  }
  throw ossErrors.accessDenied('You have no right to access this object because of bucket acl.');
}
