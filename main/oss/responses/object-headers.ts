// Reads the headers that carry the results of body-less successful answers (UploadPart, PutObject, HeadObject).
// Failures are MalformedResponse; the parse*Headers functions add the request id (withResponseContext).
import { malformedResponse, quoteForMessage } from './malformed-response';
import { parseCrc64Decimal } from './parse-crc64-decimal';
import { readHeader } from './response-context';

/** A header's trimmed value, or `undefined` when it is absent or empty. */
export function optionalHeader(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  const value = readHeader(headers, name)?.trim();
  return value === '' ? undefined : value;
}

/** The `ETag` header, verbatim with its quotes (Complete needs it exactly as sent, §6.2); missing → MalformedResponse. */
export function requireEtagHeader(headers: Readonly<Record<string, string>>): string {
  const etag = optionalHeader(headers, 'etag');
  if (etag === undefined) throw malformedResponse('response has no ETag header');
  return etag;
}

/** `x-oss-hash-crc64ecma` as an exact bigint, `undefined` when absent; a malformed value → MalformedResponse. */
export function readCrc64Header(headers: Readonly<Record<string, string>>): bigint | undefined {
  const text = optionalHeader(headers, 'x-oss-hash-crc64ecma');
  return text === undefined ? undefined : parseCrc64Decimal(text, 'x-oss-hash-crc64ecma header');
}

/** `Content-Length` as a safe integer; missing or not a plain decimal → MalformedResponse. */
export function requireContentLength(headers: Readonly<Record<string, string>>): number {
  const text = optionalHeader(headers, 'content-length');
  const value = text !== undefined && /^[0-9]{1,16}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value)) {
    const shown = text === undefined ? 'missing' : quoteForMessage(text);
    throw malformedResponse(`response Content-Length is not a byte count: ${shown}`);
  }
  return value;
}
