// Case-insensitive views of a plain header record. SignableRequest.headers may spell a name in any case (and, being a
// plain record, may even hold `Content-Type` and `content-type` side by side); every signer reads it through here.

/**
 * Headers by lower-cased name, each value trimmed; several spellings of one name are joined with `,` in record order,
 * as gov2 joins several values of one header (oss-protocol.md §3.1, §4.2).
 */
export function lowerCaseHeaders(headers: Readonly<Record<string, string>>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    const trimmed = value.trim();
    const previous = out.get(lower);
    out.set(lower, previous === undefined ? trimmed : `${previous},${trimmed}`);
  }
  return out;
}

/** The (trimmed) value of header `name`, looked up case-insensitively; undefined when absent. */
export function headerValue(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  return lowerCaseHeaders(headers).get(name.toLowerCase());
}

/**
 * `headers` with `added` set, every existing spelling of an added name removed first, so a signer that adds
 * `x-oss-date` never leaves a stale `X-OSS-Date` beside it.
 */
export function withHeaders(
  headers: Readonly<Record<string, string>>,
  added: Readonly<Record<string, string>>,
): Record<string, string> {
  const replaced = new Set(Object.keys(added).map((name) => name.toLowerCase()));
  const kept = Object.entries(headers).filter(([name]) => !replaced.has(name.toLowerCase()));
  // fromEntries defines own properties, so even a hostile `__proto__` header name stays plain data.
  return Object.fromEntries([...kept, ...Object.entries(added)]);
}
