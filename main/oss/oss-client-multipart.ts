// The six multipart operations on the wire (oss-protocol.md §1, §6). Like gov2, Initiate, Complete, ListParts and
// ListMultipartUploads send `encoding-type=url`, and the parsers decode the affected fields (§6, §6.7).
import { createHash } from 'node:crypto';
import { MAX_LIST_PAGE_SIZE, MAX_PART_COUNT } from '../../shared/limits';
import {
  buildObjectHeaders,
  requestHeaders,
  requestXml,
  requireIntegerInRange,
  requireUploadId,
  validateBeforeBody,
  type Cancelable,
  type ObjectHeaderOptions,
} from './oss-operation-helpers';
import type { OssRequestExecutor } from './oss-request-executor';
import type {
  CompletedPart,
  CompleteMultipartUploadResult,
  InitiateMultipartUploadResult,
  ListPartsPage,
  ListUploadsPage,
  ResponseMeta,
  UploadPartResult,
} from './oss-types';
import { buildCompleteMultipartUploadBody } from './responses/build-complete-body';
import { parseCompleteMultipartUpload } from './responses/parse-complete-multipart-upload';
import { parseInitiateMultipartUpload } from './responses/parse-initiate-multipart-upload';
import { parseListMultipartUploads } from './responses/parse-list-multipart-uploads';
import { parseListParts } from './responses/parse-list-parts';
import { parseUploadPartHeaders } from './responses/parse-upload-part-headers';
import type { ProgressCallback, RequestBody } from './transport-body';

const ENCODING_URL: readonly [string, string] = ['encoding-type', 'url'];

/** Names one multipart upload. */
export interface UploadTarget extends Cancelable {
  readonly bucket: string;
  readonly key: string;
  readonly uploadId: string;
}

/** Arguments of InitiateMultipartUpload; Content-Type and metadata are fixed here for the whole object (§6.1). */
export interface InitiateMultipartUploadArgs extends ObjectHeaderOptions, Cancelable {
  readonly bucket: string;
  readonly key: string;
}

/** Arguments of UploadPart. */
export interface UploadPartArgs extends UploadTarget {
  /** 1..10000. */
  readonly partNumber: number;
  /** The part's bytes; a stream must yield exactly `contentLength` bytes and is consumed or destroyed by the call. */
  readonly body: RequestBody;
  readonly contentLength: number;
  /** Base64 MD5 of the body; the server answers InvalidDigest when it differs (§6.2). */
  readonly contentMd5?: string | undefined;
  readonly onProgress?: ProgressCallback | undefined;
}

/** Arguments of CompleteMultipartUpload. */
export interface CompleteMultipartUploadArgs extends UploadTarget {
  /** Any order: they are sent sorted by part number (§6.3). */
  readonly parts: readonly CompletedPart[];
  readonly forbidOverwrite?: boolean | undefined;
}

/** Arguments of ListParts (one page). */
export interface ListPartsArgs extends UploadTarget {
  /** 1..1000, default 1000 on the server. */
  readonly maxParts?: number | undefined;
  /** List parts with numbers strictly greater than this (§6.5). */
  readonly partNumberMarker?: number | undefined;
}

/** Arguments of ListMultipartUploads (one page). */
export interface ListMultipartUploadsArgs extends Cancelable {
  readonly bucket: string;
  readonly prefix?: string | undefined;
  readonly delimiter?: string | undefined;
  readonly keyMarker?: string | undefined;
  /** Ignored by the server unless keyMarker is set (§6.6). */
  readonly uploadIdMarker?: string | undefined;
  /** 1..1000, default 1000 on the server. */
  readonly maxUploads?: number | undefined;
}

/** `POST /key?uploads` → the new upload id. */
export async function initiateMultipartUpload(
  executor: OssRequestExecutor,
  args: InitiateMultipartUploadArgs,
): Promise<InitiateMultipartUploadResult> {
  return requestXml(
    executor,
    {
      method: 'POST',
      bucket: args.bucket,
      key: args.key,
      query: [['uploads', ''], ENCODING_URL],
      headers: buildObjectHeaders(args),
      signal: args.signal,
    },
    parseInitiateMultipartUpload,
  );
}

/** `PUT /key?partNumber=N&uploadId=ID` with an exact Content-Length → ETag and CRC-64 (§6.2). */
export async function uploadPart(executor: OssRequestExecutor, args: UploadPartArgs): Promise<UploadPartResult> {
  validateBeforeBody(args.body, () => {
    requireUploadId(args.uploadId);
    requireIntegerInRange('partNumber', args.partNumber, 1, MAX_PART_COUNT);
  });
  const headers: Record<string, string> = {};
  if (args.contentMd5 !== undefined) headers['content-md5'] = args.contentMd5;
  return requestHeaders(
    executor,
    {
      method: 'PUT',
      bucket: args.bucket,
      key: args.key,
      query: [['partNumber', String(args.partNumber)], ['uploadId', args.uploadId]],
      headers,
      body: args.body,
      contentLength: args.contentLength,
      onProgress: args.onProgress,
      signal: args.signal,
    },
    parseUploadPartHeaders,
  );
}

/**
 * `POST /key?uploadId=ID` with the part list as XML, `Content-Type: application/xml` and its Content-MD5 (as alioss
 * sends, §6.3). An `<Error>` behind HTTP 200 is thrown by the parser.
 */
export async function completeMultipartUpload(
  executor: OssRequestExecutor,
  args: CompleteMultipartUploadArgs,
): Promise<CompleteMultipartUploadResult> {
  requireUploadId(args.uploadId);
  const body = Buffer.from(buildCompleteMultipartUploadBody(args.parts), 'utf8');
  const headers: Record<string, string> = {
    'content-type': 'application/xml',
    'content-md5': createHash('md5').update(body).digest('base64'),
  };
  if (args.forbidOverwrite !== undefined) headers['x-oss-forbid-overwrite'] = args.forbidOverwrite ? 'true' : 'false';
  return requestXml(
    executor,
    {
      method: 'POST',
      bucket: args.bucket,
      key: args.key,
      query: [['uploadId', args.uploadId], ENCODING_URL],
      headers,
      body,
      contentLength: body.byteLength,
      signal: args.signal,
    },
    parseCompleteMultipartUpload,
  );
}

/** `DELETE /key?uploadId=ID` (204); the server deletes the uploaded parts (§6.4). */
export async function abortMultipartUpload(executor: OssRequestExecutor, args: UploadTarget): Promise<ResponseMeta> {
  requireUploadId(args.uploadId);
  return requestHeaders(
    executor,
    { method: 'DELETE', bucket: args.bucket, key: args.key, query: [['uploadId', args.uploadId]], signal: args.signal },
    (_headers, requestId) => ({ requestId }),
  );
}

/** `GET /key?uploadId=ID` → one page of parts, ascending by number (§6.5). */
export async function listParts(executor: OssRequestExecutor, args: ListPartsArgs): Promise<ListPartsPage> {
  requireUploadId(args.uploadId);
  const query: Array<[string, string]> = [['uploadId', args.uploadId]];
  if (args.maxParts !== undefined) {
    requireIntegerInRange('maxParts', args.maxParts, 1, MAX_LIST_PAGE_SIZE);
    query.push(['max-parts', String(args.maxParts)]);
  }
  if (args.partNumberMarker !== undefined) {
    requireIntegerInRange('partNumberMarker', args.partNumberMarker, 0, MAX_PART_COUNT);
    query.push(['part-number-marker', String(args.partNumberMarker)]);
  }
  query.push([...ENCODING_URL]);
  return requestXml(
    executor,
    { method: 'GET', bucket: args.bucket, key: args.key, query, signal: args.signal },
    parseListParts,
  );
}

/** `GET /?uploads` → one page of unfinished uploads, by key then upload id (§6.6). */
export async function listMultipartUploads(executor: OssRequestExecutor, args: ListMultipartUploadsArgs): Promise<ListUploadsPage> {
  const query: Array<[string, string]> = [['uploads', '']];
  // Empty strings are left out: `prefix=` and no prefix mean the same, and an empty key-marker would be sent for nothing.
  if (args.prefix !== undefined && args.prefix !== '') query.push(['prefix', args.prefix]);
  if (args.delimiter !== undefined && args.delimiter !== '') query.push(['delimiter', args.delimiter]);
  if (args.keyMarker !== undefined && args.keyMarker !== '') query.push(['key-marker', args.keyMarker]);
  if (args.uploadIdMarker !== undefined && args.uploadIdMarker !== '') query.push(['upload-id-marker', args.uploadIdMarker]);
  if (args.maxUploads !== undefined) {
    requireIntegerInRange('maxUploads', args.maxUploads, 1, MAX_LIST_PAGE_SIZE);
    query.push(['max-uploads', String(args.maxUploads)]);
  }
  query.push([...ENCODING_URL]);
  return requestXml(executor, { method: 'GET', bucket: args.bucket, query, signal: args.signal }, parseListMultipartUploads);
}
