// Result shapes of the OSS operations, as the client returns them (decoded, typed, never raw XML).
// Field names follow the OSS XML elements (oss-protocol.md §6) in camelCase.

/** How the request URL names the bucket (oss-protocol.md §2). */
export type AddressingStyle = 'virtual-hosted' | 'path-style' | 'cname';

/** Fields every successful response carries. */
export interface ResponseMeta {
  /** `x-oss-request-id`, or '' when the server sent none. */
  readonly requestId: string;
}

/** InitiateMultipartUpload → InitiateMultipartUploadResult. */
export interface InitiateMultipartUploadResult extends ResponseMeta {
  readonly bucket: string;
  readonly key: string;
  readonly uploadId: string;
}

/** UploadPart: the part's ETag (quoted, as sent by the server) and CRC-64 from `x-oss-hash-crc64ecma`. */
export interface UploadPartResult extends ResponseMeta {
  readonly etag: string;
  readonly crc64: bigint | undefined;
}

/** A part as named in a CompleteMultipartUpload body. */
export interface CompletedPart {
  readonly partNumber: number;
  readonly etag: string;
}

/** CompleteMultipartUpload → CompleteMultipartUploadResult plus the whole-object CRC-64 header. */
export interface CompleteMultipartUploadResult extends ResponseMeta {
  readonly bucket: string;
  readonly key: string;
  readonly etag: string;
  readonly location: string;
  readonly crc64: bigint | undefined;
  readonly versionId: string | undefined;
}

/** One `<Part>` of ListParts. */
export interface PartInfo {
  readonly partNumber: number;
  readonly etag: string;
  readonly size: number;
  readonly lastModified: string;
  readonly crc64: bigint | undefined;
}

/** One page of ListParts. */
export interface ListPartsPage extends ResponseMeta {
  readonly bucket: string;
  readonly key: string;
  readonly uploadId: string;
  readonly partNumberMarker: number;
  readonly nextPartNumberMarker: number;
  readonly maxParts: number;
  readonly isTruncated: boolean;
  readonly parts: readonly PartInfo[];
}

/** One `<Upload>` of ListMultipartUploads. */
export interface UploadInfo {
  readonly key: string;
  readonly uploadId: string;
  /** ISO-8601 as sent by the server. */
  readonly initiated: string;
  /** `initiated` parsed, ms since epoch (NaN never: the parser rejects an unparsable date). */
  readonly initiatedMs: number;
  readonly storageClass: string | undefined;
}

/** One page of ListMultipartUploads. */
export interface ListUploadsPage extends ResponseMeta {
  readonly bucket: string;
  readonly prefix: string;
  readonly delimiter: string;
  readonly keyMarker: string;
  readonly uploadIdMarker: string;
  readonly nextKeyMarker: string;
  readonly nextUploadIdMarker: string;
  readonly maxUploads: number;
  readonly isTruncated: boolean;
  readonly uploads: readonly UploadInfo[];
  /** Folder prefixes (`CommonPrefixes/Prefix`) when a delimiter was sent. */
  readonly commonPrefixes: readonly string[];
}

/** PutObject: the object's ETag (MD5 for a plain PutObject) and CRC-64. */
export interface PutObjectResult extends ResponseMeta {
  readonly etag: string;
  readonly crc64: bigint | undefined;
  readonly versionId: string | undefined;
}

/** HeadObject: the metadata a verification or resume needs. */
export interface HeadObjectResult extends ResponseMeta {
  readonly contentLength: number;
  readonly etag: string;
  readonly crc64: bigint | undefined;
  readonly lastModified: string | undefined;
  readonly contentType: string | undefined;
  /** `x-oss-object-type`: Normal, Multipart, Appendable, Symlink. */
  readonly objectType: string | undefined;
}

/** GetBucketInfo, used for "test connection". */
export interface BucketInfo extends ResponseMeta {
  readonly name: string;
  readonly location: string;
  readonly creationDate: string;
  readonly storageClass: string | undefined;
  readonly extranetEndpoint: string | undefined;
  readonly intranetEndpoint: string | undefined;
}

/** One object of ListObjects (V2). */
export interface ObjectInfo {
  readonly key: string;
  readonly size: number;
  readonly etag: string;
  readonly lastModified: string;
}

/** One page of ListObjectsV2 (`list-type=2`). */
export interface ListObjectsPage extends ResponseMeta {
  readonly bucket: string;
  readonly prefix: string;
  readonly delimiter: string;
  readonly isTruncated: boolean;
  readonly nextContinuationToken: string | undefined;
  readonly objects: readonly ObjectInfo[];
  readonly commonPrefixes: readonly string[];
}
