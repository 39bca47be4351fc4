// The OSS client of one account: the operations the upload engine, the incomplete-upload manager and "test
// connection" need (issue 2 item 2), over undici, signed V1 or V4.
//
// Retries: none. A failed call throws an OssError whose `retryable` says whether another attempt can help; the
// engine's retry policy decides (issue 3 item 5), and a streamed part body could not be replayed here anyway. The
// client only makes that next attempt work: after RequestTimeTooSkewed the clock offset is corrected (see
// `clockOffsetMs`), after SecurityTokenExpired the credential provider's `refresh()` has run before the error is thrown.
//
// Secrets: the AccessKey secret and STS token go into signatures and headers only, never into messages or errors.
import {
  abortMultipartUpload,
  completeMultipartUpload,
  initiateMultipartUpload,
  listMultipartUploads,
  listParts,
  uploadPart,
  type CompleteMultipartUploadArgs,
  type InitiateMultipartUploadArgs,
  type ListMultipartUploadsArgs,
  type ListPartsArgs,
  type UploadPartArgs,
  type UploadTarget,
} from './oss-client-multipart';
import {
  getBucketInfo,
  getObject,
  headObject,
  listObjectsV2,
  putObject,
  type BucketTarget,
  type GetObjectArgs,
  type GetObjectResult,
  type ListObjectsV2Args,
  type ObjectTarget,
  type PutObjectArgs,
} from './oss-client-objects';
import { OssRequestExecutor, type OssClientConfig } from './oss-request-executor';
import type {
  BucketInfo,
  CompleteMultipartUploadResult,
  HeadObjectResult,
  InitiateMultipartUploadResult,
  ListObjectsPage,
  ListPartsPage,
  ListUploadsPage,
  PutObjectResult,
  ResponseMeta,
  UploadPartResult,
} from './oss-types';
import type { HttpMethod } from './transport';

export type { OssClientConfig } from './oss-request-executor';

/** Arguments of {@link OssClient.presignUrl}. */
export interface PresignUrlArgs {
  readonly method: HttpMethod;
  readonly bucket: string;
  readonly key: string;
  /** Lifetime in whole seconds; V4 allows at most 604800 (seven days). */
  readonly expiresSeconds: number;
}

/** An OSS client for one endpoint and one set of credentials. Holds a keep-alive pool: call close() when done. */
export class OssClient {
  readonly #executor: OssRequestExecutor;

  /** Checks the endpoint and region (InvalidArgument) and creates the connection pool; sends nothing. */
  constructor(config: OssClientConfig) {
    this.#executor = new OssRequestExecutor(config);
  }

  /**
   * Milliseconds added to `now()` when signing: server time minus local time. Set automatically from a
   * RequestTimeTooSkewed answer so the next request is signed right (oss-protocol.md §8.4); settable for callers
   * that learnt it elsewhere.
   */
  get clockOffsetMs(): number {
    return this.#executor.clockOffsetMs;
  }

  set clockOffsetMs(value: number) {
    this.#executor.clockOffsetMs = value;
  }

  /** Starts a multipart upload (`POST /key?uploads`). */
  initiateMultipartUpload(args: InitiateMultipartUploadArgs): Promise<InitiateMultipartUploadResult> {
    return initiateMultipartUpload(this.#executor, args);
  }

  /** Uploads one part; a stream body is consumed or destroyed by the time this settles. */
  uploadPart(args: UploadPartArgs): Promise<UploadPartResult> {
    return uploadPart(this.#executor, args);
  }

  /** Completes an upload from its part list (sorted here); an error behind HTTP 200 is thrown. */
  completeMultipartUpload(args: CompleteMultipartUploadArgs): Promise<CompleteMultipartUploadResult> {
    return completeMultipartUpload(this.#executor, args);
  }

  /** Aborts an upload; the server deletes its parts. */
  abortMultipartUpload(args: UploadTarget): Promise<ResponseMeta> {
    return abortMultipartUpload(this.#executor, args);
  }

  /** One page of an upload's parts; see listAllParts for every page. */
  listParts(args: ListPartsArgs): Promise<ListPartsPage> {
    return listParts(this.#executor, args);
  }

  /** One page of a bucket's unfinished uploads; see listAllMultipartUploads for every page. */
  listMultipartUploads(args: ListMultipartUploadsArgs): Promise<ListUploadsPage> {
    return listMultipartUploads(this.#executor, args);
  }

  /** Uploads a whole object in one request (files that fit in one part). */
  putObject(args: PutObjectArgs): Promise<PutObjectResult> {
    return putObject(this.#executor, args);
  }

  /** An object's size, ETag and CRC-64. */
  headObject(args: ObjectTarget): Promise<HeadObjectResult> {
    return headObject(this.#executor, args);
  }

  /** Streams an object (or a byte range); the caller must consume or destroy `body`. */
  getObject(args: GetObjectArgs): Promise<GetObjectResult> {
    return getObject(this.#executor, args);
  }

  /** Bucket details; doubles as "test connection". */
  getBucketInfo(args: BucketTarget): Promise<BucketInfo> {
    return getBucketInfo(this.#executor, args);
  }

  /** One page of objects (ListObjectsV2). */
  listObjectsV2(args: ListObjectsV2Args): Promise<ListObjectsPage> {
    return listObjectsV2(this.#executor, args);
  }

  /** A presigned URL for `method` on an object, signed V1 or V4 as the account is configured. */
  presignUrl(args: PresignUrlArgs): Promise<string> {
    return this.#executor.presign(args);
  }

  /** Closes the keep-alive pool once running requests have finished. */
  close(): Promise<void> {
    return this.#executor.close();
  }
}
