// Bucket-name and object-key rules checked before a request is built, so a bad name fails at once with a message that
// says what is wrong instead of as a signature or routing error from the server (oss-protocol.md §7; doc
// https://alibabacloud.com/help/en/oss/support/http-400-status-code).
import { MAX_OBJECT_KEY_BYTES } from '../../shared/limits';
import { OssError } from './oss-error';

// 3-63 characters of lowercase letters, digits and `-`, starting and ending with a letter or digit (§7).
const BUCKET_NAME = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

// A high surrogate not followed by a low one, or a low one not preceded by a high one (no `u` flag: code units).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function invalidArgument(message: string): OssError {
  return new OssError({ code: 'InvalidArgument', status: 0, retryable: false, message });
}

/** Throws InvalidArgument unless `bucket` is a valid OSS bucket name (3-63 of `a-z 0-9 -`, alphanumeric at both ends). */
export function validateBucketName(bucket: string): void {
  if (!BUCKET_NAME.test(bucket)) {
    throw invalidArgument(
      `Invalid bucket name ${JSON.stringify(bucket.slice(0, 80))}: use 3-63 lowercase letters, digits or "-", ` +
        'starting and ending with a letter or digit',
    );
  }
}

/**
 * Throws InvalidArgument unless `key` is a valid object key: 1..1023 bytes of UTF-8 (the limit is assumed to count
 * bytes, §13 item 5), not starting with `/` or `\`, and holding no lone UTF-16 surrogate (it has no UTF-8 form, so
 * the key the server stored would differ from the one asked for).
 */
export function validateObjectKey(key: string): void {
  if (key === '') throw invalidArgument('Object key must not be empty');
  if (key.startsWith('/') || key.startsWith('\\')) {
    throw invalidArgument(`Object key must not start with "/" or "\\": ${JSON.stringify(key.slice(0, 80))}`);
  }
  if (LONE_SURROGATE.test(key)) throw invalidArgument('Object key contains an unpaired UTF-16 surrogate');
  const bytes = Buffer.byteLength(key, 'utf8');
  if (bytes > MAX_OBJECT_KEY_BYTES) {
    throw invalidArgument(`Object key is ${bytes} bytes of UTF-8; OSS allows at most ${MAX_OBJECT_KEY_BYTES}`);
  }
}
