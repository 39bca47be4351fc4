// Secrets must never reach a log line (issue 5 item 5: "a log file … with secrets redacted"). Log text is redacted
// twice over: every secret value main knows is cut out wherever it appears, and values of fields named like secrets
// are cut out even when main does not know the value (a token an error echoed, a draft's secret in a stack trace).
import { redactSecurityToken } from '../oss/responses/redact-security-token';

/** What replaces a secret. */
export const REDACTED = '[redacted]';

// `accessKeySecret: "…"`, `"securityToken":"…"`, `secret=…`, `password: …`: the value after a secret-named field.
const SECRET_FIELD =
  /((?:access[_-]?key[_-]?secret|security[_-]?token|session[_-]?token|secret|password)["']?\s*[:=]\s*)("(?:[^"\\]|\\.)*"|'[^']*'|[^\s,;&}\]]+)/gi;

/**
 * Returns `text` with every occurrence of each non-empty string in `secrets` replaced by `[redacted]` (longest first,
 * so a secret that contains another is cut whole), values of secret-named fields redacted, and any STS token an OSS
 * error echoed (StringToSign, canonical request) redacted.
 */
export function redactSecrets(text: string, secrets: Iterable<string> = []): string {
  const values = [...new Set(secrets)].filter((s) => s !== '').sort((a, b) => b.length - a.length);
  let out = text;
  for (const value of values) out = out.split(value).join(REDACTED);
  return redactSecurityToken(out.replace(SECRET_FIELD, `$1${REDACTED}`));
}
