import { OssError } from '../oss-error';
import { classifyRetryable } from './classify-retryable';
import { parseIsoTimeMs } from './parse-iso-time';
import {
  readErrorFieldsFromJson,
  readErrorFieldsFromPartialXml,
  readErrorFieldsFromXml,
  type ErrorBodyFields,
} from './read-error-fields';
import { readHeader } from './response-context';

/** An error response as the transport received it; `bodyTruncated` says the transport cut the body at its cap. */
export interface ErrorResponseInput {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
  readonly bodyTruncated?: boolean;
}

type HeaderMap = Readonly<Record<string, string>>;

// A second bound in case a caller forgets to cap: real OSS error bodies are a few hundred bytes, and XML validation of
// a 50 MB body would stall the event loop (issue 2: "a 50 MB error response … yields a typed error with bounded memory").
const MAX_ERROR_BODY_CHARS = 256 * 1024;

function nonEmptyHeader(headers: HeaderMap, name: string): string | undefined {
  const value = readHeader(headers, name)?.trim();
  return value === '' ? undefined : value;
}

function fromErrHeader(headers: HeaderMap): ErrorBodyFields | undefined {
  // HEAD and other bodiless answers carry the error document base64-encoded in `x-oss-err` (§8.1, gov2 HeaderOssERR).
  const encoded = readHeader(headers, 'x-oss-err')?.trim();
  if (encoded === undefined || encoded === '' || encoded.length > MAX_ERROR_BODY_CHARS) return undefined;
  return readErrorFieldsFromXml(Buffer.from(encoded, 'base64').toString('utf8'));
}

function readFields(body: string, complete: boolean, headers: HeaderMap): ErrorBodyFields | undefined {
  const hasBody = complete && body.trim() !== '';
  const fromBody = hasBody ? (readErrorFieldsFromXml(body) ?? readErrorFieldsFromJson(body)) : undefined;
  return fromBody ?? fromErrHeader(headers) ?? readErrorFieldsFromPartialXml(body);
}

function serverTimeOf(fields: ErrorBodyFields | undefined, code: string, headers: HeaderMap): number | undefined {
  const serverTime = fields?.details['ServerTime'];
  if (serverTime !== undefined) {
    try {
      return parseIsoTimeMs(serverTime.trim(), 'ServerTime');
    } catch {
      // fall through to the Date header
    }
  }
  // gov2 corrects its clock from the Date response header (§8.4); only meaningful for a skew error.
  if (code !== 'RequestTimeTooSkewed') return undefined;
  const date = readHeader(headers, 'date');
  const ms = date === undefined ? Number.NaN : Date.parse(date);
  return Number.isFinite(ms) ? ms : undefined;
}

function fallbackMessage(input: ErrorResponseInput, body: string, truncated: boolean, fields?: ErrorBodyFields): string {
  if (fields?.code !== undefined) {
    return `OSS returned ${fields.code} (HTTP ${input.status})${truncated ? '; error body truncated' : ''}`;
  }
  if (body.trim() === '') return `HTTP ${input.status} with no OSS error body`;
  // Describe, never quote, a foreign body: a proxy page could echo request headers, STS token included.
  const contentType = readHeader(input.headers, 'content-type') ?? 'no content type';
  const size = `${body.length}${truncated ? '+' : ''} characters`;
  return `HTTP ${input.status} with a body that is not an OSS error (${contentType}, ${size})`;
}

function build(input: ErrorResponseInput): OssError {
  const raw = input.body ?? '';
  const truncated = input.bodyTruncated === true || raw.length > MAX_ERROR_BODY_CHARS;
  const body = raw.length > MAX_ERROR_BODY_CHARS ? raw.slice(0, MAX_ERROR_BODY_CHARS) : raw;
  const fields = readFields(body, !truncated, input.headers);
  const code = fields?.code ?? 'UnexpectedStatus';
  const details = fields?.details ?? {};
  return new OssError({
    code,
    status: input.status,
    message: fields?.message ?? fallbackMessage(input, body, truncated, fields),
    requestId: fields?.requestId ?? nonEmptyHeader(input.headers, 'x-oss-request-id'),
    ec: fields?.ec ?? nonEmptyHeader(input.headers, 'x-oss-ec'),
    retryable: classifyRetryable(code, input.status),
    serverTimeMs: serverTimeOf(fields, code, input.headers),
    details: Object.keys(details).length === 0 ? undefined : details,
  });
}

/**
 * Turns an OSS error response into an OssError (oss-protocol.md §8.1): the XML `<Error>` body, the base64 `x-oss-err`
 * header of bodiless answers, a JSON `{"Error": …}` body, or — for an empty or foreign body — `UnexpectedStatus`.
 * Never throws.
 */
export function parseErrorResponse(input: ErrorResponseInput): OssError {
  try {
    return build(input);
  } catch (error) {
    return new OssError(
      {
        code: 'UnexpectedStatus',
        status: input.status,
        message: `HTTP ${input.status}; the error response could not be read`,
        retryable: classifyRetryable('UnexpectedStatus', input.status),
      },
      { cause: error },
    );
  }
}
