// Log lines are redacted twice over (issue 5 item 5: "a log file … with secrets redacted"): the known secrets and
// secret-named fields by main/ipc/redact-secrets.ts, and here whatever looks like a credential even when nobody
// told the app its value: Authorization headers, request signatures (V1 `Signature=`, V4 `x-oss-signature=`,
// oss-protocol.md §3.5, §4.2) and bare AccessKey-secret-shaped tokens.
import { REDACTED, redactSecrets } from '../ipc/redact-secrets';

// `Authorization: OSS id:sig` / `OSS4-HMAC-SHA256 Credential=…,Signature=…` up to the end of the line (or a JSON
// string's closing quote).
const AUTHORIZATION = /(authorization["']?\s*[:=]\s*["']?)[^"'\n]*/gi;
// Presigned query signatures: V1 `Signature=`, V4 `x-oss-signature=` (and `Signature=` inside a V4 header value).
const SIGNATURE_PARAM = /((?:x-oss-)?signature=)[^&\s"',]*/gi;
// Alibaba Cloud AccessKey secrets are 30 characters of mixed-case letters and digits. Requiring all three classes
// keeps hex digests, request ids and upload ids (single case) out of it.
const ACCESS_KEY_SECRET_SHAPE = /(?<![A-Za-z0-9])(?=[A-Za-z0-9]{30}(?![A-Za-z0-9]))(?=[A-Za-z0-9]*[a-z])(?=[A-Za-z0-9]*[A-Z])(?=[A-Za-z0-9]*[0-9])[A-Za-z0-9]{30}/g;

/** `text` with known secrets, secret-named fields, security tokens, Authorization values and signatures cut out. */
export function redactLogLine(text: string, secrets: Iterable<string> = []): string {
  return redactSecrets(text, secrets)
    .replace(AUTHORIZATION, `$1${REDACTED}`)
    .replace(SIGNATURE_PARAM, `$1${REDACTED}`)
    .replace(ACCESS_KEY_SECRET_SHAPE, REDACTED);
}
