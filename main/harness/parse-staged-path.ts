// The page names the file it stages (issue 5 item 6: "name sanitised: no `..`, no absolute paths"). The name becomes
// a path under the staging folder, so it is parsed into plain segments before it touches the file system: a name the
// page made up must not escape `<dataDir>/staging/<batch>/`.

/** Longest relative path accepted, in characters. */
export const MAX_STAGED_PATH_CHARS = 4096;
/** Longest single segment: 255 bytes is the name limit of ext4, APFS and NTFS alike. */
export const MAX_SEGMENT_BYTES = 255;
/** Deepest folder tree accepted. */
export const MAX_SEGMENTS = 128;

/** The segments of a safe relative path, or why it was refused. */
export type ParsedStagedPath =
  | { readonly ok: true; readonly segments: readonly string[] }
  | { readonly ok: false; readonly reason: string };

// Control characters never come from a file picker; `\` is a separator on Windows, and `:` a drive or stream there.
const FORBIDDEN_CHARS = /[\u0000-\u001f\u007f\\]/;
const FORBIDDEN_ON_WINDOWS = /:/;

function refuse(reason: string): ParsedStagedPath {
  return { ok: false, reason };
}

/** Options of parseStagedPath. */
export interface ParseStagedPathOptions {
  /** Only a file name: no `/`. */
  readonly single: boolean;
  /** The staging folder is on Windows: `:` is refused too. */
  readonly windows: boolean;
}

/**
 * Parses `text` (`file.txt`, or `folder/sub/file.txt` from `webkitRelativePath`) into its segments. Refuses empty
 * or `.`/`..` segments (so no leading `/`, no `//`, no traversal), `\` and control characters (and `:` on Windows),
 * and more than one segment when `single` is set.
 */
export function parseStagedPath(text: string, options: ParseStagedPathOptions): ParsedStagedPath {
  if (text.length === 0) return refuse('is empty');
  if (text.length > MAX_STAGED_PATH_CHARS) return refuse(`is longer than ${MAX_STAGED_PATH_CHARS} characters`);
  if (FORBIDDEN_CHARS.test(text)) return refuse('contains a control character or "\\"');
  if (options.windows && FORBIDDEN_ON_WINDOWS.test(text)) return refuse('contains ":"');
  const segments = text.split('/');
  if (options.single && segments.length > 1) return refuse('must be a file name without "/"');
  if (segments.length > MAX_SEGMENTS) return refuse(`is deeper than ${MAX_SEGMENTS} folders`);
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..') return refuse('must be relative, without empty, "." or ".." parts');
    if (new TextEncoder().encode(segment).length > MAX_SEGMENT_BYTES) return refuse(`has a part longer than ${MAX_SEGMENT_BYTES} bytes`);
  }
  return { ok: true, segments };
}
