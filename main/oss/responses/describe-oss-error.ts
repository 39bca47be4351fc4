import { MAX_CLOCK_SKEW_MS } from '../../../shared/limits';
import type { OssErrorFields } from '../oss-error';

/** What to tell a person about an error: a short title and one or two sentences on what to do. */
export interface OssErrorDescription {
  readonly title: string;
  readonly advice: string;
}

const NETWORK_CODES: ReadonlySet<string> = new Set(['NetworkError', 'ConnectTimeout', 'HeadersTimeout', 'BodyTimeout']);
const SERVER_BUSY_CODES: ReadonlySet<string> = new Set(['InternalError', 'ServiceUnavailable', 'SlowDown']);

// The codes users actually hit (oss-protocol.md §8.2) and what fixes each (issue 3 item 5: "a message that says what
// to fix"). Codes whose advice depends on the error itself are handled in describeOssError.
const FIXED_ADVICE: Readonly<Record<string, OssErrorDescription>> = {
  InvalidAccessKeyId: {
    title: 'Unknown AccessKey ID',
    advice: 'OSS does not know this AccessKey ID: check that it is typed correctly and still enabled.',
  },
  SignatureDoesNotMatch: { title: 'Signature rejected', advice: 'Check the AccessKey secret and the region.' },
  NoSuchBucket: {
    title: 'Bucket not found',
    advice: "Check the bucket name and endpoint/region: a bucket answers only on its own region's endpoint.",
  },
  AccessDenied: {
    title: 'Access denied',
    advice: 'The AccessKey works but may not do this: check the RAM policy of its user and the bucket policy.',
  },
  SecurityTokenExpired: {
    title: 'Temporary credentials expired',
    advice: 'The STS token has expired: refresh the temporary credentials.',
  },
  NoSuchUpload: {
    title: 'Upload no longer exists',
    advice: 'The upload was aborted or completed elsewhere; its parts are gone. Start the upload again.',
  },
  NoSuchKey: { title: 'Object not found', advice: 'Check the object key; it may have been deleted or never uploaded.' },
  InvalidObjectName: {
    title: 'Object name not allowed',
    advice: 'Object keys are 1 to 1023 bytes of UTF-8 and must not start with "/" or "\\".',
  },
  EntityTooSmall: {
    title: 'Part too small',
    advice: 'Every part except the last must be at least 100 KB; choose a larger part size.',
  },
  InvalidPart: {
    title: 'Part list rejected',
    advice: 'A listed part is missing on the server or differs from it; resume to re-check the parts with OSS.',
  },
  InvalidDigest: {
    title: 'Data check failed',
    advice: 'What OSS received differs from what was sent; if this repeats, something on the network path alters uploads.',
  },
  MalformedResponse: {
    title: 'Unreadable answer from OSS',
    advice: "The answer was cut short or not in OSS's format: check that the endpoint is an OSS endpoint.",
  },
  RequestTimeout: {
    title: 'Upload too slow',
    advice: 'OSS stopped waiting for data; it is retried automatically. A slow or unstable connection causes this.',
  },
  Aborted: { title: 'Canceled', advice: 'The request was canceled.' },
};
const SAME_ADVICE_AS: Readonly<Record<string, string>> = { InvalidPartOrder: 'InvalidPart', IntegrityMismatch: 'InvalidDigest' };

// `20221228T102741Z` (V4 style) or anything Date.parse reads (ISO, RFC 1123).
function parseLooseTimeMs(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const basic = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text.trim());
  const iso = basic === null ? text : `${basic[1]}-${basic[2]}-${basic[3]}T${basic[4]}:${basic[5]}:${basic[6]}Z`;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : undefined;
}

// Local clock minus server clock. The error's own RequestTime/ServerTime pair is exact whenever the server sent it;
// failing that, compare the server time with the local clock now (the engine reports a skew as it happens).
function clockOffsetMs(error: OssErrorFields, now: () => number): number | undefined {
  const serverTime = error.serverTimeMs ?? parseLooseTimeMs(error.details?.['ServerTime']);
  if (serverTime === undefined) return undefined;
  return (parseLooseTimeMs(error.details?.['RequestTime']) ?? now()) - serverTime;
}

function describeSkew(error: OssErrorFields, now: () => number): string {
  const allowedMinutes = MAX_CLOCK_SKEW_MS / 60_000;
  const fix = 'Set the system clock to update automatically.';
  const offset = clockOffsetMs(error, now);
  if (offset === undefined) return `Your computer's clock is off by more than ${allowedMinutes} minutes. ${fix}`;
  const minutes = Math.max(1, Math.round(Math.abs(offset) / 60_000));
  const direction = offset > 0 ? 'ahead of' : 'behind';
  return `Your clock is off by ${minutes} minute${minutes === 1 ? '' : 's'} (${direction} OSS, which allows ${allowedMinutes}). ${fix}`;
}

/**
 * Turns an OSS error into a title and advice for the UI and CLI. Pure: `now` is read only for a clock-skew error
 * that does not carry its own request time.
 */
export function describeOssError(error: OssErrorFields, now: () => number = Date.now): OssErrorDescription {
  const { code, status } = error;
  if (NETWORK_CODES.has(code)) {
    const title = code === 'NetworkError' ? 'Cannot reach OSS' : 'OSS did not answer in time';
    return { title, advice: 'Check the endpoint and your connection.' };
  }
  if (SERVER_BUSY_CODES.has(code) || (code === 'UnexpectedStatus' && status >= 500)) {
    return { title: 'OSS is busy or failing', advice: `A temporary server problem (HTTP ${status}); it is retried automatically.` };
  }
  if (code === 'RequestTimeTooSkewed') return { title: 'Computer clock is wrong', advice: describeSkew(error, now) };
  const fixed = FIXED_ADVICE[SAME_ADVICE_AS[code] ?? code];
  if (fixed !== undefined) return fixed;
  const requestHint = error.requestId === undefined ? '' : ` Request ID: ${error.requestId}.`;
  const title = code === 'UnexpectedStatus' ? `Unexpected answer (HTTP ${status})` : code;
  return { title, advice: `${error.message}${requestHint}` };
}
