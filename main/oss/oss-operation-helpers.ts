// Shared steps of the OSS operations: run a request and read its answer the one way that operation needs, and check
// caller arguments before anything is sent.
import { Readable } from 'node:stream';
import { OssError } from './oss-error';
import type { OssRequestExecutor, OssRequestSpec } from './oss-request-executor';
import type { ResponseParseMeta } from './responses/response-context';

/**
 * Largest XML result read (ListParts with 1000 parts is about 250 KB): a bound on memory if a server or a proxy
 * answers with something endless, far above anything OSS sends.
 */
export const MAX_XML_BODY_BYTES = 16 * 1024 * 1024;

/** Every operation can be canceled through an AbortSignal (the call then rejects with an OssError `Aborted`). */
export interface Cancelable {
  readonly signal?: AbortSignal | undefined;
}

/** An InvalidArgument error for a bad caller argument (status 0: nothing was sent). */
export function invalidArgument(message: string): OssError {
  return new OssError({ code: 'InvalidArgument', status: 0, retryable: false, message });
}

/** Throws InvalidArgument unless `value` is an integer in `min..max`. */
export function requireIntegerInRange(name: string, value: number, min: number, max: number): void {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw invalidArgument(`${name} must be an integer in ${min}..${max}, got ${String(value)}`);
  }
}

/** Throws InvalidArgument when an upload id is empty (it would turn the request into a different operation). */
export function requireUploadId(uploadId: string): void {
  if (uploadId === '') throw invalidArgument('uploadId must not be empty');
}

/**
 * Runs argument checks for an operation with a body; if one fails, a stream body is destroyed before the error is
 * thrown, so the caller's file handle does not stay open (the operation owns the body from the call on).
 */
export function validateBeforeBody(body: Uint8Array | Readable, check: () => void): void {
  try {
    check();
  } catch (error) {
    if (body instanceof Readable) body.destroy();
    throw error;
  }
}

/** Runs a request whose 2xx answer is an XML document and parses it. */
export async function requestXml<T>(
  executor: OssRequestExecutor,
  spec: OssRequestSpec,
  parse: (xml: string, meta: ResponseParseMeta) => T,
): Promise<T> {
  const response = await executor.execute(spec);
  const xml = await response.readText(MAX_XML_BODY_BYTES);
  return parse(xml, { requestId: response.requestId, headers: response.headers });
}

/** Runs a request whose 2xx answer is all in its headers; the (empty) body is drained so the connection is reused. */
export async function requestHeaders<T>(
  executor: OssRequestExecutor,
  spec: OssRequestSpec,
  parse: (headers: Readonly<Record<string, string>>, requestId: string) => T,
): Promise<T> {
  const response = await executor.execute(spec);
  await response.discard();
  return parse(response.headers, response.requestId);
}

// RFC 9110 token characters: what a header name may contain.
const HEADER_TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/i;
// Visible ASCII, space and tab: what undici accepts in a value without it being an injection risk. Non-ASCII metadata
// would need an encoding the caller must choose (OSS stores the raw bytes).
const HEADER_VALUE = /^[\t\x20-\x7e]*$/;

/** Options that set object metadata, on InitiateMultipartUpload and PutObject (oss-protocol.md §6.1). */
export interface ObjectHeaderOptions {
  readonly contentType?: string | undefined;
  /** `x-oss-storage-class`: Standard, IA, Archive, ColdArchive, DeepColdArchive. */
  readonly storageClass?: string | undefined;
  /** `x-oss-forbid-overwrite`: refuse to replace an existing object of the same key. */
  readonly forbidOverwrite?: boolean | undefined;
  /** User metadata, sent as `x-oss-meta-<name>`; names are lower-cased (OSS stores them so). */
  readonly metadata?: Readonly<Record<string, string>> | undefined;
}

/** The request headers for {@link ObjectHeaderOptions}; throws InvalidArgument for a name or value HTTP cannot carry. */
export function buildObjectHeaders(options: ObjectHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const set = (name: string, value: string): void => {
    if (!HEADER_TOKEN.test(name)) throw invalidArgument(`header name ${JSON.stringify(name)} is not allowed`);
    if (!HEADER_VALUE.test(value)) throw invalidArgument(`value of ${name} must be printable ASCII`);
    headers[name] = value;
  };
  if (options.contentType !== undefined) set('content-type', options.contentType);
  if (options.storageClass !== undefined) set('x-oss-storage-class', options.storageClass);
  if (options.forbidOverwrite !== undefined) set('x-oss-forbid-overwrite', options.forbidOverwrite ? 'true' : 'false');
  for (const [name, value] of Object.entries(options.metadata ?? {})) {
    set(`x-oss-meta-${name.toLowerCase()}`, value);
  }
  return headers;
}
