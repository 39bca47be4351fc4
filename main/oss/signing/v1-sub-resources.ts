// The query parameters ("sub-resources") that signature V1 puts in CanonicalizedResource (oss-protocol.md §3.2).
// A client may sign any superset of what it sends, but a server must sign exactly what the client signed; the union
// of the two official Go SDK lists is what §12 item 2 recommends for the emulator, and is harmless for the client
// (every multipart parameter it sends is either in both lists or in neither).

/** gov2 `requiredSignedParametersMap` (oss/signer/v1.go, v1.5.1). */
const GOV2_SIGNED_PARAMETERS = [
  'acl', 'bucketInfo', 'location', 'stat', 'delete', 'append', 'tagging', 'objectMeta', 'uploads', 'uploadId',
  'partNumber', 'security-token', 'position', 'response-content-type', 'response-content-language',
  'response-expires', 'response-cache-control', 'response-content-disposition', 'response-content-encoding',
  'restore', 'callback', 'callback-var', 'versions', 'versioning', 'versionId', 'sequential', 'continuation-token',
  'regionList', 'cloudboxes', 'symlink',
] as const;

/** gov1 `signKeyList` (oss/conn.go, aliyun/aliyun-oss-go-sdk v3). */
const GOV1_SIGNED_PARAMETERS = [
  'acl', 'uploads', 'location', 'cors', 'logging', 'website', 'referer', 'lifecycle', 'delete', 'append', 'tagging',
  'objectMeta', 'uploadId', 'partNumber', 'security-token', 'position', 'img', 'style', 'styleName', 'replication',
  'replicationProgress', 'replicationLocation', 'cname', 'bucketInfo', 'comp', 'qos', 'live', 'status', 'vod',
  'startTime', 'endTime', 'symlink', 'x-oss-process', 'response-content-type', 'x-oss-traffic-limit',
  'response-content-language', 'response-expires', 'response-cache-control', 'response-content-disposition',
  'response-content-encoding', 'udf', 'udfName', 'udfImage', 'udfId', 'udfImageDesc', 'udfApplication',
  'udfApplicationLog', 'restore', 'callback', 'callback-var', 'qosInfo', 'policy', 'stat', 'encryption', 'versions',
  'versioning', 'versionId', 'requestPayment', 'x-oss-request-payer', 'sequential', 'inventory', 'inventoryId',
  'continuation-token', 'asyncFetch', 'worm', 'wormId', 'wormExtend', 'withHashContext', 'x-oss-enable-md5',
  'x-oss-enable-sha1', 'x-oss-enable-sha256', 'x-oss-hash-ctx', 'x-oss-md5-ctx', 'transferAcceleration',
  'regionList', 'cloudboxes', 'x-oss-ac-source-ip', 'x-oss-ac-subnet-mask', 'x-oss-ac-vpc-id',
  'x-oss-ac-forward-allow', 'metaQuery',
] as const;

/** Query names V1 signs (union of the gov2 and gov1 lists, §3.2); names starting with `x-oss-` are signed too. */
export const V1_SUB_RESOURCES: ReadonlySet<string> = new Set<string>([
  ...GOV2_SIGNED_PARAMETERS,
  ...GOV1_SIGNED_PARAMETERS,
]);

/** Prefix that makes any query parameter a V1 sub-resource (gov2 `calcStringToSign`). Case-sensitive, as in gov2. */
const OSS_QUERY_PREFIX = 'x-oss-';

/** True when V1 signs query parameter `name`, given the operation's declared extra sub-resources (§3.2). */
export function isV1SubResource(name: string, extraSubResources: readonly string[] = []): boolean {
  return V1_SUB_RESOURCES.has(name) || name.startsWith(OSS_QUERY_PREFIX) || extraSubResources.includes(name);
}
