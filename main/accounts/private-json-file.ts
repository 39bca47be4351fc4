// The account and secret files: JSON, replaced atomically (write-file-atomic: temp file, fsync, rename) so a crash
// leaves the old or the new version, and readable by the user only (0600 in a 0700 folder), because even the
// non-secret file names endpoints and key ids.
import { mkdir, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { z } from 'zod';

/** Owner read/write only. */
export const PRIVATE_FILE_MODE = 0o600;
/** Owner only. */
export const PRIVATE_DIR_MODE = 0o700;

/** Reads and parses a JSON file; undefined when it does not exist. Throws on unreadable or unparsable content. */
export async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
    throw error;
  }
  return JSON.parse(text) as unknown;
}

/** Atomically replaces `file` with `value` as JSON, mode 0600, creating its folder (0700) if needed. */
export async function writePrivateJsonFile(file: string, value: unknown): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: PRIVATE_DIR_MODE });
  // write-file-atomic opens its temp file with this mode and chmods it before the rename, so the content is never
  // readable by others, not even for a moment, and a file that had wider permissions is narrowed by the replace.
  await writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`, { mode: PRIVATE_FILE_MODE });
}

/** Moves an unreadable file aside (`<file>.corrupt-<ms>`) so it cannot break the next start; returns the new name. */
export async function moveAside(file: string, nowMs: number): Promise<string | undefined> {
  const target = `${file}.corrupt-${nowMs}`;
  try {
    await rename(file, target);
    return target;
  } catch {
    return undefined;
  }
}

/** What {@link loadJsonFile} found: nothing, a valid value, or a bad file it moved aside. */
export type JsonFileLoad<T> =
  | { readonly kind: 'missing' }
  | { readonly kind: 'loaded'; readonly value: T }
  | { readonly kind: 'movedAside'; readonly reason: string; readonly movedTo: string | undefined };

/**
 * Reads `file` and validates it with `schema`. A file that cannot be read, parsed or validated is moved aside
 * (`moveAside`) so the caller starts fresh and the next start is not broken by it; the reason says which it was.
 */
export async function loadJsonFile<T>(file: string, schema: z.ZodType<T>, nowMs: () => number): Promise<JsonFileLoad<T>> {
  let raw: unknown;
  try {
    raw = await readJsonFile(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { kind: 'movedAside', reason, movedTo: await moveAside(file, nowMs()) };
  }
  if (raw === undefined) return { kind: 'missing' };
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const reason = `does not match the expected format (${parsed.error.issues.length} problem(s))`;
    return { kind: 'movedAside', reason, movedTo: await moveAside(file, nowMs()) };
  }
  return { kind: 'loaded', value: parsed.data };
}
