// Object- and bucket-level operations: PutObject (single-part uploads), HeadObject and GetObject (verification and
// download), GetBucketInfo ("test connection") and ListObjectsV2 (browsing).
import type { Readable } from 'node:stream';
import {
  buildObjectHeaders,
  invalidArgument,
  requestHeaders,
  requestXml,
  requireIntegerInRange,
  validateBeforeBody,
  type Cancelable,
  type ObjectHeaderOptions,
} from './oss-operation-helpers';
import type { OssRequestExecutor } from './oss-request-executor';
import type { BucketInfo, HeadObjectResult, ListObjectsPage, PutObjectResult } from './oss-types';
import { parseGetBucketInfo } from './responses/parse-get-bucket-info';
import { parseHeadObjectHeaders } from './responses/parse-head-object-headers';
import { parseListObjectsV2 } from './responses/parse-list-objects-v2';
import { parsePutObjectHeaders } from './responses/parse-put-object-headers';
import type { ProgressCallback, RequestBody } from './transport-body';

/** ListObjectsV2 allows at most 1000 keys per page (doc ListObjectsV2). */
const MAX_LIST_KEYS = 1000;

/** Names one object. */
export interface ObjectTarget extends Cancelable {
  readonly bucket: string;
  readonly key: string;
}

/** Arguments of PutObject. */
export interface PutObjectArgs extends ObjectTarget, ObjectHeaderOptions {
  /** The object's bytes; a stream must yield exactly `contentLength` bytes and is consumed or destroyed by the call. */
  readonly body: RequestBody;
  readonly contentLength: number;
  /** Base64 MD5 of the body; the server answers InvalidDigest when it differs. */
  readonly contentMd5?: string | undefined;
  readonly onProgress?: ProgressCallback | undefined;
}

/** Arguments of GetObject. */
export interface GetObjectArgs extends ObjectTarget {
  /** Inclusive byte range (`Range: bytes=start-end`); `end` omitted means to the end of the object. */
  readonly range?: { readonly start: number; readonly end?: number | undefined } | undefined;
}

/** GetObject's answer. The body is streamed: the caller must consume it or destroy it. */
export interface GetObjectResult {
  readonly requestId: string;
  /** 200, or 206 for a satisfied range. */
  readonly status: number;
  /** Bytes in `body`. */
  readonly contentLength: number;
  readonly etag: string;
  /** CRC-64 of the whole object (also for a range request). */
  readonly crc64: bigint | undefined;
  readonly body: Readable;
}

/** Arguments of GetBucketInfo. */
export interface BucketTarget extends Cancelable {
  readonly bucket: string;
}

/** Arguments of ListObjectsV2 (one page). */
export interface ListObjectsV2Args extends BucketTarget {
  readonly prefix?: string | undefined;
  readonly delimiter?: string | undefined;
  /** 1..1000. */
  readonly maxKeys?: number | undefined;
  readonly continuationToken?: string | undefined;
  readonly startAfter?: string | undefined;
}

/** `PUT /key` with an exact Content-Length → ETag (the MD5 for a plain PutObject) and CRC-64. */
export async function putObject(executor: OssRequestExecutor, args: PutObjectArgs): Promise<PutObjectResult> {
  let headers: Record<string, string> = {};
  validateBeforeBody(args.body, () => {
    headers = buildObjectHeaders(args);
  });
  if (args.contentMd5 !== undefined) headers['content-md5'] = args.contentMd5;
  return requestHeaders(
    executor,
    {
      method: 'PUT',
      bucket: args.bucket,
      key: args.key,
      headers,
      body: args.body,
      contentLength: args.contentLength,
      onProgress: args.onProgress,
      signal: args.signal,
    },
    parsePutObjectHeaders,
  );
}

/** `HEAD /key` → size, ETag, CRC-64. A missing object is an OssError (NoSuchKey from `x-oss-err`, or status 404). */
export async function headObject(executor: OssRequestExecutor, args: ObjectTarget): Promise<HeadObjectResult> {
  return requestHeaders(
    executor,
    { method: 'HEAD', bucket: args.bucket, key: args.key, signal: args.signal },
    parseHeadObjectHeaders,
  );
}

function rangeHeader(range: NonNullable<GetObjectArgs['range']>): string {
  const { start, end } = range;
  requireIntegerInRange('range.start', start, 0, Number.MAX_SAFE_INTEGER);
  if (end === undefined) return `bytes=${start}-`;
  requireIntegerInRange('range.end', end, start, Number.MAX_SAFE_INTEGER);
  return `bytes=${start}-${end}`;
}

/** `GET /key`, streamed. The response stream's errors are OssErrors; the body idle timeout applies while reading. */
export async function getObject(executor: OssRequestExecutor, args: GetObjectArgs): Promise<GetObjectResult> {
  const headers: Record<string, string> = {};
  if (args.range !== undefined) headers['range'] = rangeHeader(args.range);
  const response = await executor.execute({
    method: 'GET',
    bucket: args.bucket,
    key: args.key,
    headers,
    signal: args.signal,
  });
  try {
    const meta = parseHeadObjectHeaders(response.headers, response.requestId);
    return {
      requestId: response.requestId,
      status: response.status,
      contentLength: meta.contentLength,
      etag: meta.etag,
      crc64: meta.crc64,
      body: response.stream(),
    };
  } catch (error) {
    response.destroy();
    throw error;
  }
}

/** `GET /?bucketInfo`: the cheapest call that proves endpoint, credentials and bucket all work. */
export async function getBucketInfo(executor: OssRequestExecutor, args: BucketTarget): Promise<BucketInfo> {
  return requestXml(
    executor,
    { method: 'GET', bucket: args.bucket, query: [['bucketInfo', '']], signal: args.signal },
    parseGetBucketInfo,
  );
}

/** `GET /?list-type=2` → one page of objects, with `encoding-type=url` so any key survives the XML. */
export async function listObjectsV2(executor: OssRequestExecutor, args: ListObjectsV2Args): Promise<ListObjectsPage> {
  const query: Array<[string, string]> = [['list-type', '2']];
  if (args.prefix !== undefined && args.prefix !== '') query.push(['prefix', args.prefix]);
  if (args.delimiter !== undefined && args.delimiter !== '') query.push(['delimiter', args.delimiter]);
  if (args.startAfter !== undefined && args.startAfter !== '') query.push(['start-after', args.startAfter]);
  if (args.continuationToken !== undefined) {
    if (args.continuationToken === '') throw invalidArgument('continuationToken must not be empty');
    query.push(['continuation-token', args.continuationToken]);
  }
  if (args.maxKeys !== undefined) {
    requireIntegerInRange('maxKeys', args.maxKeys, 1, MAX_LIST_KEYS);
    query.push(['max-keys', String(args.maxKeys)]);
  }
  query.push(['encoding-type', 'url']);
  return requestXml(executor, { method: 'GET', bucket: args.bucket, query, signal: args.signal }, parseListObjectsV2);
}
