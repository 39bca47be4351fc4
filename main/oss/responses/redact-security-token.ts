// An OSS error body has no secret of its own, but SignatureDoesNotMatch echoes the server's StringToSign (and V4
// servers the canonical request). With STS credentials those contain the security token: V1 signs it as the header
// line `x-oss-security-token:<token>` (oss-protocol.md §3.1, §3.4) or, presigned, as `security-token=<token>` (§3.5);
// V4 signs the header, or `x-oss-security-token=<token>` in a presigned query (§4.2). The token is a credential.

const TOKEN_HEADER_LINE = /(x-oss-security-token\s*:)[^\n]*/gi;
const TOKEN_QUERY_PARAM = /((?:^|[?&\n])(?:x-oss-)?security-token=)[^&\n]*/gi;

/** Replaces any STS security token a server echoed (StringToSign, canonical request) with `[redacted]`. */
export function redactSecurityToken(text: string): string {
  if (!/security-token/i.test(text)) return text;
  return text.replace(TOKEN_HEADER_LINE, '$1[redacted]').replace(TOKEN_QUERY_PARAM, '$1[redacted]');
}
