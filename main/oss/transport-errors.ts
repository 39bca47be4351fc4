// Turns whatever undici or the socket throws into the client's one error type, so callers branch on `code` and
// `retryable` and never on message text (architecture.md "What to avoid"). Retry classification follows
// oss-protocol.md §8.3: connection errors and timeouts are retried; a rejected TLS certificate is not, because
// another attempt meets the same certificate.
import { isOssError, OssError, type ClientErrorCode } from './oss-error';

/** What the error message says about the request: method and `host/path` without the query (no secrets there). */
export interface RequestDescription {
  readonly method: string;
  readonly host: string;
  readonly path: string;
}

type Mapping = { readonly code: ClientErrorCode; readonly retryable: boolean; readonly what: string };

// undici's own codes (lib/core/errors.js, undici 7).
const UNDICI_CODES: Readonly<Record<string, Mapping>> = {
  UND_ERR_CONNECT_TIMEOUT: { code: 'ConnectTimeout', retryable: true, what: 'connect timed out' },
  UND_ERR_HEADERS_TIMEOUT: { code: 'HeadersTimeout', retryable: true, what: 'no response headers in time' },
  UND_ERR_BODY_TIMEOUT: { code: 'BodyTimeout', retryable: true, what: 'response body stalled' },
  UND_ERR_SOCKET: { code: 'NetworkError', retryable: true, what: 'connection closed unexpectedly' },
  UND_ERR_CLOSED: { code: 'NetworkError', retryable: true, what: 'connection pool closed' },
  UND_ERR_DESTROYED: { code: 'NetworkError', retryable: true, what: 'connection pool destroyed' },
  UND_ERR_INFO: { code: 'NetworkError', retryable: true, what: 'connection closed' },
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: { code: 'NetworkError', retryable: true, what: 'response shorter than its Content-Length' },
  UND_ERR_HEADERS_OVERFLOW: { code: 'MalformedResponse', retryable: true, what: 'response headers too large' },
  UND_ERR_RES_EXCEEDED_MAX_SIZE: { code: 'ResponseTooLarge', retryable: false, what: 'response too large' },
  // The body produced more or fewer bytes than the Content-Length the caller declared: a caller bug, not the network.
  UND_ERR_REQ_CONTENT_LENGTH_MISMATCH: { code: 'InvalidArgument', retryable: false, what: 'request body length differs from Content-Length' },
  UND_ERR_INVALID_ARG: { code: 'InvalidArgument', retryable: false, what: 'invalid request' },
  UND_ERR_NOT_SUPPORTED: { code: 'InvalidArgument', retryable: false, what: 'unsupported request' },
};

// Certificate verification failures (OpenSSL / Node codes): permanent until someone fixes the endpoint or the clock.
const TLS_CERT_CODES: ReadonlySet<string> = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

const SYSTEM_WHAT: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed while sending',
  ETIMEDOUT: 'connection timed out',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'DNS lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

function mappingOf(error: unknown): Mapping {
  // undici's HTTPParserError carries an `HPE_*` code only for some parser states; its name is always set.
  if (error instanceof Error && error.name === 'HTTPParserError') {
    return { code: 'MalformedResponse', retryable: true, what: 'response is not valid HTTP' };
  }
  const code = errorCode(error);
  if (code !== undefined) {
    const known = UNDICI_CODES[code];
    if (known !== undefined) return known;
    if (TLS_CERT_CODES.has(code)) return { code: 'NetworkError', retryable: false, what: `TLS certificate rejected (${code})` };
    if (code.startsWith('HPE_')) return { code: 'MalformedResponse', retryable: true, what: 'response is not valid HTTP' };
    const system = SYSTEM_WHAT[code];
    return { code: 'NetworkError', retryable: true, what: system === undefined ? code : `${system} (${code})` };
  }
  // No code: a plain Error from deep inside the stack. At this edge it can only be I/O trouble; the engine's attempt
  // limit bounds the retries.
  return { code: 'NetworkError', retryable: true, what: error instanceof Error ? error.message : 'request failed' };
}

/** The Aborted error for a request whose AbortSignal fired; `cause` keeps the signal's reason (pause, cancel, …). */
export function abortedError(req: RequestDescription, reason: unknown): OssError {
  return new OssError(
    { code: 'Aborted', status: 0, retryable: false, message: `${req.method} ${req.host}${req.path}: aborted` },
    { cause: reason },
  );
}

/**
 * Maps a failure of a request (or of reading its response) to an OssError. An aborted signal wins over whatever
 * error the abort caused; an OssError passes through; everything else is mapped by its code.
 */
export function toTransportError(error: unknown, req: RequestDescription, signal?: AbortSignal): OssError {
  if (signal?.aborted === true) return abortedError(req, signal.reason);
  if (isOssError(error)) return error;
  const mapping = mappingOf(error);
  return new OssError(
    {
      code: mapping.code,
      status: 0,
      retryable: mapping.retryable,
      message: `${req.method} ${req.host}${req.path}: ${mapping.what}`,
    },
    { cause: error },
  );
}
