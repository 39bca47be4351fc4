// Maps a request path to a file under the renderer's build folder, lexically, before any file-system call. A request
// must never name a file outside that folder (`/../secrets.json`, `/%2e%2e/…`, `/..%5c…`), whatever its encoding.
import path from 'node:path';

/**
 * The absolute file `urlPath` names under `root`, or undefined when it is malformed or would leave `root`.
 * `urlPath` is the request target's path (no query), still percent-encoded; `/` itself maps to undefined (the index
 * page is served separately, with the harness tags injected).
 */
export function resolveStaticPath(root: string, urlPath: string): string | undefined {
  if (!urlPath.startsWith('/')) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined; // malformed percent-encoding
  }
  // A decoded `\` is a separator on Windows; NUL and other controls never name a real file.
  if (/[\u0000-\u001f\u007f\\]/.test(decoded)) return undefined;
  const segments = decoded.slice(1).split('/');
  if (segments.some((s) => s === '..' || s === '.' || s === '')) return undefined;
  const base = path.resolve(root);
  const file = path.resolve(base, ...segments);
  // Belt and braces: the segment check already rules out escapes; this also catches a drive-relative segment.
  return file.startsWith(base + path.sep) ? file : undefined;
}
