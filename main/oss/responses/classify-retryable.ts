// Which failures are worth another attempt. Sources: oss-protocol.md §8.3 (gov2 retryer: status ≥ 500, 408, 429,
// RequestTimeTooSkewed, connection errors, CRC mismatch) and issue 3 item 5 (the engine's policy). gov2 also retries
// 401; issue 3 does not ask for it and OSS answers auth failures with 403, so 401 stays with "every other 4xx".

// Retried whatever the status. RequestTimeTooSkewed: the caller corrects its clock from serverTimeMs first (§8.4);
// SecurityTokenExpired: the caller refreshes its STS credentials first (issue 3 item 5).
const RETRYABLE_CODES: ReadonlySet<string> = new Set([
  'NetworkError',
  'ConnectTimeout',
  'HeadersTimeout',
  'BodyTimeout',
  'MalformedResponse',
  'IntegrityMismatch',
  'RequestTimeout',
  'RequestTimeTooSkewed',
  'SecurityTokenExpired',
  'ServiceUnavailable',
  'SlowDown',
  'InternalError',
]);

// Never retried, even if some proxy pairs them with a 5xx: another attempt cannot change the answer.
const FINAL_CODES: ReadonlySet<string> = new Set([
  'Aborted',
  'AccessDenied',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'NoSuchBucket',
  'NoSuchUpload',
  'NoSuchKey',
  'InvalidDigest',
  'EntityTooSmall',
  'InvalidPart',
  'InvalidPartOrder',
  'MalformedXML',
  'InvalidArgument',
  'InvalidObjectName',
]);

/** Decides whether a failed request is worth retrying, from its error code and HTTP status (0 when none). */
export function classifyRetryable(code: string, status: number): boolean {
  if (RETRYABLE_CODES.has(code)) return true;
  if (FINAL_CODES.has(code)) return false;
  return status >= 500 || status === 408 || status === 429;
}
