// Parsers for the two Authorization header forms, for a verifier (the emulator) that re-runs the signing functions on
// the request it received (oss-protocol.md §12 items 2 and 4). They check shape only; the signature check is the
// verifier's job. Anything malformed yields undefined so the caller can answer with one error of its choosing.
import { V4_ALGORITHM } from './sign-v4';

/** The fields of `OSS <AccessKeyId>:<Signature>` (§3). */
export interface V1Authorization {
  readonly accessKeyId: string;
  readonly signature: string;
}

/** The fields of `OSS4-HMAC-SHA256 Credential=<AK>/<date>/<region>/<product>/aliyun_v4_request,...` (§4.3). */
export interface V4Authorization {
  readonly accessKeyId: string;
  /** Scope date, `YYYYMMDD`. */
  readonly date: string;
  readonly region: string;
  readonly product: string;
  /** The AdditionalHeaders list exactly as sent (empty when the field is absent). */
  readonly additionalHeaders: string[];
  readonly signature: string;
}

// Base64 of the 20-byte HMAC-SHA1 is 28 characters, but only the alphabet is checked: a wrong length is a wrong
// signature (SignatureDoesNotMatch), not a malformed header.
const V1_FORM = /^OSS ([^\s:]+):([A-Za-z0-9+/]+={0,2})$/;

/** Parses `OSS <AccessKeyId>:<Signature>`; undefined when the value has another shape. */
export function parseV1Authorization(value: string): V1Authorization | undefined {
  const m = V1_FORM.exec(value.trim());
  if (m === null) return undefined;
  const [, accessKeyId, signature] = m;
  if (accessKeyId === undefined || signature === undefined) return undefined;
  return { accessKeyId, signature };
}

const SCOPE_TERMINATOR = 'aliyun_v4_request';
const SCOPE_DATE = /^\d{8}$/;
const HEX_SHA256 = /^[0-9a-fA-F]{64}$/;
const V4_FIELDS = new Set(['Credential', 'AdditionalHeaders', 'Signature']);

/** Splits `Name=value` fields separated by `,` or `, ` (the SDK and doc forms, §4.3, §13 item 2). */
function splitFields(rest: string): Map<string, string> | undefined {
  const fields = new Map<string, string>();
  for (const field of rest.split(/, */)) {
    const eq = field.indexOf('=');
    if (eq <= 0) return undefined;
    const name = field.slice(0, eq);
    if (!V4_FIELDS.has(name) || fields.has(name)) return undefined;
    fields.set(name, field.slice(eq + 1));
  }
  return fields;
}

/**
 * Parses a V4 Authorization value; undefined when it is not exactly the algorithm followed by `Credential`,
 * optional `AdditionalHeaders` and `Signature`, when a field repeats or is unknown, when the credential scope is not
 * `<AK>/<YYYYMMDD>/<region>/<product>/aliyun_v4_request`, when the signature is not 64 hex digits, or when
 * `AdditionalHeaders=` is present but empty (an error per doc 0002-00000209).
 */
export function parseV4Authorization(value: string): V4Authorization | undefined {
  const trimmed = value.trim();
  const prefix = `${V4_ALGORITHM} `;
  if (!trimmed.startsWith(prefix)) return undefined;
  const fields = splitFields(trimmed.slice(prefix.length).trimStart());
  const credential = fields?.get('Credential');
  const signature = fields?.get('Signature');
  if (credential === undefined || signature === undefined || !HEX_SHA256.test(signature)) return undefined;

  // Split from the right: the four scope parts have fixed meaning, so an AccessKey id could even contain `/`.
  const parts = credential.split('/');
  if (parts.length < 5) return undefined;
  const [date, region, product, terminator] = parts.slice(-4);
  const accessKeyId = parts.slice(0, -4).join('/');
  if (date === undefined || region === undefined || product === undefined || terminator !== SCOPE_TERMINATOR) {
    return undefined;
  }
  if (accessKeyId === '' || !SCOPE_DATE.test(date) || region === '' || product === '') return undefined;

  const additionalRaw = fields?.get('AdditionalHeaders');
  const additionalHeaders = additionalRaw === undefined ? [] : additionalRaw.split(';');
  if (additionalHeaders.some((name) => name === '')) return undefined;

  return { accessKeyId, date, region, product, additionalHeaders, signature };
}
