// `oss://BUCKET/KEY-OR-PREFIX` as the command line takes it (the form ossutil and the official SDK tools use). The
// key is taken verbatim (no percent-decoding: keys may hold `%`), and only the bucket name is checked here; whether
// the key must be non-empty depends on the command.
import { MAX_OBJECT_KEY_BYTES } from '../../shared/limits';

/** A parsed `oss://` URL: bucket and key (or prefix), `''` when nothing follows the bucket. */
export interface OssUrl {
  readonly bucket: string;
  readonly key: string;
}

const SCHEME = /^oss:\/\//i;
// 3-63 characters of lowercase letters, digits and `-`, alphanumeric at both ends (oss-protocol.md §7).
const BUCKET_NAME = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

/** Parses `oss://bucket[/key]`; throws RangeError with a message fit for a usage error. */
export function parseOssUrl(text: string): OssUrl {
  if (!SCHEME.test(text)) throw new RangeError(`Expected oss://BUCKET/[KEY], got ${JSON.stringify(text)}`);
  const rest = text.replace(SCHEME, '');
  const slash = rest.indexOf('/');
  const bucket = slash < 0 ? rest : rest.slice(0, slash);
  const key = slash < 0 ? '' : rest.slice(slash + 1);
  if (!BUCKET_NAME.test(bucket)) {
    throw new RangeError(
      `Invalid bucket name ${JSON.stringify(bucket)} in ${JSON.stringify(text)}: use 3-63 lowercase letters, digits or "-"`,
    );
  }
  if (key.startsWith('/')) throw new RangeError(`Object keys must not start with "/": ${JSON.stringify(text)}`);
  if (Buffer.byteLength(key, 'utf8') > MAX_OBJECT_KEY_BYTES) {
    throw new RangeError(`Object key is longer than ${MAX_OBJECT_KEY_BYTES} bytes of UTF-8`);
  }
  return { bucket, key };
}

/** Parses an `oss://` URL that must name one object (a non-empty key that is not a folder). */
export function parseOssObjectUrl(text: string): OssUrl {
  const url = parseOssUrl(text);
  if (url.key === '' || url.key.endsWith('/')) {
    throw new RangeError(`Expected oss://BUCKET/KEY naming one object, got ${JSON.stringify(text)}`);
  }
  return url;
}
