// What a failed "test connection" request says about the account (issue 5 item 3: "maps failures to advice: wrong key
// or secret, wrong region or endpoint, no such bucket, clock skew, no permission to list incomplete uploads"). Pure:
// decided from the error's code and fields only, never from its message text (architecture.md "What to avoid").
import type { ConnectionCheckName } from '../../shared/models/account';
import type { OssError } from '../oss/oss-error';
import { describeOssError } from '../oss/responses/describe-oss-error';
import type { SignatureVersion } from '../oss/signing/signable-request';

/** Which check a failure belongs to, and what to tell the user. */
export interface ProbeFailure {
  readonly check: Exclude<ConnectionCheckName, 'listUploads'>;
  readonly status: 'failed' | 'warning';
  readonly code: string;
  readonly requestId: string | undefined;
  readonly advice: string;
  /** The server accepted the signature before refusing (so the key id, the secret and the clock are right). */
  readonly authPassed: boolean;
}

/** What the advice may name. */
export interface ProbeContext {
  readonly bucket: string;
  /** `host[:port]` of the endpoint. */
  readonly host: string;
  readonly signatureVersion: SignatureVersion;
  readonly now: () => number;
}

const UNREACHABLE = new Set(['NetworkError', 'ConnectTimeout', 'HeadersTimeout', 'BodyTimeout']);
const NOT_OSS = new Set(['MalformedResponse', 'UnexpectedStatus', 'ResponseTooLarge']);
const BAD_TOKEN = new Set(['InvalidSecurityToken', 'SecurityTokenExpired']);

/** Advice when the key may not list incomplete uploads; the bucket itself still works. */
export const NO_LIST_PERMISSION_ADVICE =
  'This AccessKey may not list incomplete uploads (oss:ListMultipartUploads). Uploading works, but the incomplete-upload ' +
  'manager cannot show this bucket; add that action to the RAM policy to use it.';

function failure(check: ProbeFailure['check'], error: OssError, advice: string, authPassed = false): ProbeFailure {
  const requestId = error.requestId === '' ? undefined : error.requestId;
  return { check, status: 'failed', code: error.code, requestId, advice, authPassed };
}

/** Classifies a failed GetBucketInfo (the first request of a connection test). */
export function classifyProbeError(error: OssError, ctx: ProbeContext): ProbeFailure {
  const { code } = error;
  if (UNREACHABLE.has(code)) {
    return failure('endpoint', error, `Cannot reach ${ctx.host}. Check the endpoint and your network; internal endpoints work only from Alibaba Cloud in the same region.`);
  }
  if (NOT_OSS.has(code) || (code === 'InvalidArgument' && error.status === 0)) {
    // status 0: the client refused the endpoint or region before sending anything; its message says which.
    const why = error.status === 0 ? `${error.message}. ` : `${ctx.host} did not answer like OSS. `;
    return failure('endpoint', error, `${why}Use an OSS endpoint such as https://oss-cn-hangzhou.aliyuncs.com.`);
  }
  if (code === 'InvalidArgument' && error.details['ArgumentName']?.toLowerCase() === 'region') {
    return failure('endpoint', error, 'The region does not match the endpoint: use the region the endpoint names (cn-hangzhou for oss-cn-hangzhou.aliyuncs.com).');
  }
  if (code === 'InvalidAccessKeyId') {
    return failure('credentials', error, 'OSS does not know this AccessKey ID: check that it is typed correctly and still enabled.');
  }
  if (code === 'SignatureDoesNotMatch') {
    const region = ctx.signatureVersion === 'v4' ? ', and that the region matches the endpoint' : '';
    return failure('credentials', error, `The AccessKey secret does not match the AccessKey ID: check the secret${region}.`);
  }
  if (BAD_TOKEN.has(code)) return failure('credentials', error, describeOssError(error, ctx.now).advice);
  if (code === 'RequestTimeTooSkewed') return failure('clock', error, describeOssError(error, ctx.now).advice);
  if (code === 'NoSuchBucket' || code === 'InvalidBucketName') {
    return failure('bucket', error, `Bucket "${ctx.bucket}" does not exist at this endpoint: check its name, and that the endpoint is in the bucket’s region.`);
  }
  if (code === 'AccessDenied') {
    const endpoint = error.details['Endpoint'];
    if (endpoint !== undefined && endpoint !== '') {
      // "The bucket you are attempting to access must be addressed using the specified endpoint": OSS names the
      // bucket's own endpoint in `<Endpoint>` (https://www.alibabacloud.com/help/doc-detail/42777.htm).
      return failure('bucket', error, `Bucket "${ctx.bucket}" is in another region: use the endpoint ${endpoint}.`);
    }
    // A RAM user without oss:GetBucketInfo gets this for a bucket it may well upload to (doc 0003-00000001), so it is
    // a warning, and the signature was accepted.
    return {
      ...failure('bucket', error, 'This AccessKey may not read the bucket’s information (oss:GetBucketInfo); uploads still work if its policy allows them.', true),
      status: 'warning',
    };
  }
  return failure('bucket', error, describeOssError(error, ctx.now).advice);
}
