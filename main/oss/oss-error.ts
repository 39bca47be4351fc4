/**
 * Codes the client itself produces (no server involved). Server codes are the OSS `Code` strings
 * (`NoSuchUpload`, `SignatureDoesNotMatch`, …) and are kept verbatim.
 */
export type ClientErrorCode =
  | 'NetworkError' // connection refused/reset, DNS, TLS, socket closed mid-response
  | 'ConnectTimeout'
  | 'HeadersTimeout'
  | 'BodyTimeout' // no body bytes for the idle timeout
  | 'Aborted' // the caller's AbortSignal fired
  | 'MalformedResponse' // unparsable XML, missing root element, missing required field
  | 'ResponseTooLarge' // a body over the cap we read
  | 'UnexpectedStatus' // an error status with no parsable OSS error body
  | 'IntegrityMismatch' // ETag/CRC-64 returned by the server disagrees with what we sent
  | 'InvalidArgument' // the caller passed something unusable (empty bucket, bad part number)
  | 'SourceChanged' // the local file's size or mtime changed under an upload
  | 'SourceUnreadable'; // the local file cannot be opened or read

/** Everything the rest of the app needs to know about a failed OSS request, as plain fields. */
export interface OssErrorFields {
  readonly code: string;
  readonly status: number;
  readonly message: string;
  readonly requestId?: string | undefined;
  readonly ec?: string | undefined;
  readonly retryable: boolean;
  /** `<ServerTime>` or the `Date` header of a RequestTimeTooSkewed answer, as ms since epoch. */
  readonly serverTimeMs?: number | undefined;
  /** Other elements of the error body (StringToSign, UploadId, HostId, …). Never contains secrets. */
  readonly details?: Readonly<Record<string, string>> | undefined;
}

/** The one error type of the OSS client: a server error, a network failure or a bad response. */
export class OssError extends Error implements OssErrorFields {
  readonly code: string;
  readonly status: number;
  readonly requestId: string | undefined;
  readonly ec: string | undefined;
  readonly retryable: boolean;
  readonly serverTimeMs: number | undefined;
  readonly details: Readonly<Record<string, string>>;

  constructor(fields: OssErrorFields, options?: { cause?: unknown }) {
    super(fields.message, options);
    this.name = 'OssError';
    this.code = fields.code;
    this.status = fields.status;
    this.requestId = fields.requestId;
    this.ec = fields.ec;
    this.retryable = fields.retryable;
    this.serverTimeMs = fields.serverTimeMs;
    this.details = fields.details ?? {};
  }

  /** Plain data for logs, journals and IPC (Error fields do not survive structured clone). */
  toJSON(): OssErrorFields {
    return {
      code: this.code,
      status: this.status,
      message: this.message,
      requestId: this.requestId,
      ec: this.ec,
      retryable: this.retryable,
      serverTimeMs: this.serverTimeMs,
      details: this.details,
    };
  }
}

/** Narrowing helper that survives module duplication (checks the shape, not only the prototype). */
export function isOssError(value: unknown): value is OssError {
  return value instanceof OssError || (value instanceof Error && value.name === 'OssError' && 'code' in value && 'retryable' in value);
}
